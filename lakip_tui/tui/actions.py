"""Every named action of the app, in one place: its binding id, default keys and Indonesian text.

Bindings, the command palette, the help screen and the key map file are all built from this
list, so an action cannot be reachable by key but missing from the palette, or remappable but
undocumented. `scope` says where the binding lives: "app" works everywhere, the others on the
screen of that name ("main", "preview", "ringkasan", "bantuan", "dialog"), or on the editor
widget of that name ("navigasi", "tabel", "isian", "narasi", "sel", "pilihan"; see
EDITOR_SCOPES).

Every action that matters has a second key that tmux, screen and common terminals pass through
(F-keys), because ctrl+s, ctrl+z and friends are eaten by some setups.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding


class Aksi(NamedTuple):
    id: str  # binding id; the name used in keymap.toml
    action: str  # Textual action string, resolved on the screen of `scope` (or "app.")
    keys: str  # default keys, comma separated; "" = only in the command palette
    description: str  # short, for the palette, the help screen (and the footer)
    help: str  # one sentence, for the palette and the help screen
    scope: str = "app"
    show: bool = True  # in the footer
    priority: bool = False  # before the focused widget gets the key
    kaki: str = ""  # shorter still, for the footer at 80 columns (default: description)


AKSI: tuple[Aksi, ...] = (
    # -- everywhere -------------------------------------------------------------------------
    Aksi("bantuan", "app.bantuan", "f1,question_mark", "Bantuan",
         "Tampilkan semua tombol, aksi dan cara memakai palet perintah."),
    Aksi("palet", "app.command_palette", "ctrl+p,f9", "Palet",
         "Buka palet perintah: cari aksi apa saja dengan mengetik namanya.", show=False,
         priority=True),
    Aksi("keluar", "app.keluar", "ctrl+q,f10", "Keluar",
         "Keluar dari aplikasi; bila ada perubahan belum disimpan, ditanya dulu.", priority=True),
    Aksi("warna_rendah", "app.warna_rendah", "", "Warna rendah",
         "Ganti ke tema warna rendah (warna ANSI terminal) atau kembali ke tema biasa."),
    # -- main screen ------------------------------------------------------------------------
    Aksi("simpan", "app.simpan", "ctrl+s,f2", "Simpan",
         "Simpan berkas; komentar dan tata letak berkas tetap dijaga.", scope="main"),
    Aksi("simpan_sebagai", "app.simpan_sebagai", "f12", "Simpan sebagai",
         "Simpan ke berkas lain dan lanjutkan menyunting berkas itu.", scope="main", show=False),
    Aksi("urungkan", "urungkan", "ctrl+z,f5", "Urungkan",
         "Batalkan perubahan terakhir.", scope="main"),
    Aksi("ulangi", "ulangi", "ctrl+y,f6", "Ulangi",
         "Kerjakan lagi perubahan yang baru diurungkan.", scope="main", show=False),
    Aksi("pratinjau", "app.pratinjau", "f3", "Pratinjau",
         "Tampilkan bab ini persis seperti hasil ekspor.", scope="main"),
    Aksi("ringkasan", "app.ringkasan", "f4", "Ringkasan",
         "Grafik capaian per indikator dan pagu/realisasi per program.", scope="main"),
    Aksi("ke_navigasi", "ke_navigasi", "f7", "Navigasi",
         "Pindah ke daftar bab dan bagian.", scope="main", show=False),
    Aksi("ke_temuan", "ke_temuan", "f8", "Temuan",
         "Pindah ke daftar temuan; Enter melompat ke baris atau isian yang bermasalah.",
         scope="main", show=False),
    Aksi("salin", "salin", "ctrl+c,alt+c", "Salin sel",
         "Salin isi sel atau isian yang sedang dipilih ke papan klip (juga lewat SSH, OSC 52).",
         scope="main", show=False),
    Aksi("periksa", "periksa", "", "Periksa ulang",
         "Jalankan semua pemeriksaan sekarang juga.", scope="main"),
    Aksi("impor", "app.impor", "", "Impor realisasi anggaran",
         "Baca lembar realisasi anggaran (.xlsx/.csv dari SIPD), tampilkan perbedaannya, lalu "
         "terapkan sebagai satu langkah yang dapat diurungkan.", scope="main"),
    Aksi("muat_ulang", "app.muat_ulang", "", "Muat ulang dari disk",
         "Baca lagi berkas dari disk; perubahan yang belum disimpan ditanyakan dulu.",
         scope="main"),
    Aksi("panel_navigasi", "panel_navigasi", "", "Navigasi tampil/sembunyi",
         "Sembunyikan atau tampilkan panel navigasi (memberi ruang di layar sempit).",
         scope="main"),
    Aksi("panel_temuan", "panel_temuan", "", "Temuan tampil/sembunyi",
         "Sembunyikan atau tampilkan panel temuan.", scope="main"),
    # -- the navigation (chapters and their sections) ------------------------------------------
    Aksi("navigasi_buka", "buka", "enter", "Buka",
         "Buka bab atau bagian di kursor dan pindah ke penyuntingnya.", scope="navigasi",
         show=False),
    Aksi("navigasi_lipat", "lipat", "space", "Lipat/buka bab",
         "Lipat atau buka bagian-bagian bab di kursor.", scope="navigasi", show=False),
    Aksi("navigasi_kiri", "kiri", "left", "Lipat / ke bab",
         "Lipat bab, atau dari bagian naik ke babnya.", scope="navigasi", show=False),
    Aksi("navigasi_kanan", "kanan", "right", "Buka bab", "Buka bagian-bagian bab.",
         scope="navigasi", show=False),
    Aksi("navigasi_naik", "gerak(-1)", "up", "Naik", "Bab atau bagian di atas.",
         scope="navigasi", show=False),
    Aksi("navigasi_turun", "gerak(1)", "down", "Turun", "Bab atau bagian di bawah.",
         scope="navigasi", show=False),
    Aksi("navigasi_halaman_naik", "halaman(-1)", "pageup", "Halaman naik",
         "Satu layar ke atas.", scope="navigasi", show=False),
    Aksi("navigasi_halaman_turun", "halaman(1)", "pagedown", "Halaman turun",
         "Satu layar ke bawah.", scope="navigasi", show=False),
    Aksi("navigasi_pertama", "ujung(-1)", "home", "Paling atas", "Ke bab pertama.",
         scope="navigasi", show=False),
    Aksi("navigasi_terakhir", "ujung(1)", "end", "Paling bawah", "Ke bagian terakhir.",
         scope="navigasi", show=False),
    # -- inside a chapter's editors ----------------------------------------------------------
    # A table or form is a spreadsheet: every printable key types into the cell under the
    # cursor, so no command sits on a bare letter, digit or space there (keymap.py refuses one
    # from a key map file too). Structural commands use Insert, Delete, ctrl or alt; alt+letter
    # and ctrl+arrows reach the app through SSH, tmux and screen.
    Aksi("tabel_sunting", "sunting", "enter", "Sunting",
         "Sunting sel di kursor (atau langsung ketik: ketikan mengganti isinya).", scope="tabel"),
    Aksi("tabel_sunting_panjang", "sunting_panjang", "ctrl+e", "Sunting di jendela",
         "Sunting sel teks di jendela, untuk teks panjang berparagraf.", scope="tabel",
         show=False),
    Aksi("tabel_kosongkan", "kosongkan", "backspace", "Kosongkan sel",
         "Buka sel dalam keadaan kosong (Enter menyimpannya kosong, Esc membatalkan).",
         scope="tabel", show=False),
    Aksi("tabel_tambah_baris", "tambah_baris", "insert,ctrl+n", "Tambah baris",
         "Tambah baris di bawah kursor, setingkat dengan baris kursor.", scope="tabel",
         kaki="Tambah"),
    Aksi("tabel_tambah_rincian", "tambah_rincian", "ctrl+r,alt+r", "Tambah rincian",
         "Tambah baris anak di bawah baris kursor (indikator di bawah sasaran, kegiatan di "
         "bawah program, sub kegiatan di bawah kegiatan).", scope="tabel"),
    Aksi("tabel_hapus_baris", "hapus_baris", "delete,alt+d", "Hapus baris",
         "Hapus baris di kursor (yang berisi ditanyakan dulu; dapat diurungkan).", scope="tabel",
         kaki="Hapus"),
    Aksi("tabel_naikkan_baris", "pindah_baris(-1)", "shift+up,ctrl+up", "Naikkan baris",
         "Pindahkan baris kursor satu tempat ke atas di tingkatnya.", scope="tabel",
         kaki="Naikkan"),
    Aksi("tabel_turunkan_baris", "pindah_baris(1)", "shift+down,ctrl+down", "Turunkan baris",
         "Pindahkan baris kursor satu tempat ke bawah di tingkatnya.", scope="tabel",
         kaki="Turunkan"),
    Aksi("tabel_lipat", "lipat", "ctrl+left", "Lipat",
         "Lipat baris induk di kursor (pada baris anak: lipat induknya dan pindah ke sana).",
         scope="tabel"),
    Aksi("tabel_buka", "buka", "ctrl+right", "Buka lipatan",
         "Buka lipatan baris induk di kursor.", scope="tabel"),
    Aksi("tabel_lipat_semua", "lipat_semua(True)", "alt+minus", "Lipat semua",
         "Lipat semua baris induk di tabel ini.", scope="tabel", show=False),
    Aksi("tabel_buka_semua", "lipat_semua(False)", "alt+plus,alt+equals_sign", "Buka semua",
         "Buka semua lipatan di tabel ini.", scope="tabel", show=False),
    Aksi("tabel_naik", "gerak(-1, 0)", "up", "Naik", "Baris di atas.", scope="tabel",
         show=False),
    Aksi("tabel_turun", "gerak(1, 0)", "down", "Turun", "Baris di bawah.", scope="tabel",
         show=False),
    Aksi("tabel_kiri", "gerak(0, -1)", "left", "Kiri",
         "Sel di kiri, di baris yang sama (tidak pernah pindah baris).", scope="tabel",
         show=False),
    Aksi("tabel_kanan", "gerak(0, 1)", "right", "Kanan",
         "Sel di kanan, di baris yang sama (tidak pernah pindah baris).", scope="tabel",
         show=False),
    Aksi("tabel_halaman_naik", "halaman(-1)", "pageup", "Halaman naik",
         "Satu layar ke atas.", scope="tabel", show=False),
    Aksi("tabel_halaman_turun", "halaman(1)", "pagedown", "Halaman turun",
         "Satu layar ke bawah.", scope="tabel", show=False),
    Aksi("tabel_baris_pertama", "ujung(-1)", "home,ctrl+home", "Baris pertama",
         "Ke baris pertama tabel.", scope="tabel", show=False),
    Aksi("tabel_baris_terakhir", "ujung(1)", "end,ctrl+end", "Baris terakhir",
         "Ke baris terakhir tabel.", scope="tabel", show=False),
    Aksi("tabel_ke_navigasi", "ke_navigasi", "escape", "Ke navigasi",
         "Kembali ke daftar bab dan bagian.", scope="tabel", show=False),
    Aksi("isian_sunting", "sunting", "enter", "Sunting",
         "Sunting isian di kursor (atau langsung ketik: ketikan mengganti isinya).",
         scope="isian"),
    Aksi("isian_sunting_panjang", "sunting_panjang", "ctrl+e", "Sunting di jendela",
         "Sunting isian teks di jendela, untuk teks panjang berparagraf.", scope="isian",
         show=False),
    Aksi("isian_kosongkan", "kosongkan", "backspace", "Kosongkan isian",
         "Buka isian dalam keadaan kosong (Enter menyimpannya kosong, Esc membatalkan).",
         scope="isian", show=False),
    Aksi("isian_naik", "gerak(-1)", "up", "Isian sebelumnya", "Isian di atas.", scope="isian",
         show=False),
    Aksi("isian_turun", "gerak(1)", "down", "Isian berikutnya", "Isian di bawah.",
         scope="isian", show=False),
    Aksi("isian_pertama", "ujung(-1)", "home", "Isian pertama", "Ke isian pertama.",
         scope="isian", show=False),
    Aksi("isian_terakhir", "ujung(1)", "end", "Isian terakhir", "Ke isian terakhir.",
         scope="isian", show=False),
    Aksi("isian_ke_navigasi", "ke_navigasi", "escape", "Ke navigasi",
         "Kembali ke daftar bab dan bagian.", scope="isian", show=False),
    Aksi("narasi_ke_navigasi", "ke_navigasi", "escape", "Ke navigasi",
         "Simpan teks yang diketik, lalu kembali ke daftar bab dan bagian.", scope="narasi",
         show=False),
    # the one-line editor over a cell or field, and the choice list of a pilihan
    Aksi("tabel_simpan_sunting", "simpan", "enter", "Simpan sel",
         "Simpan isi kotak sunting.", scope="sel", show=False),
    Aksi("tabel_batal_sunting", "batal", "escape", "Batal",
         "Tutup kotak sunting tanpa mengubah apa pun.", scope="sel", show=False),
    Aksi("tabel_simpan_naik", "simpan_pindah(-1)", "up", "Simpan, naik",
         "Simpan, lalu ke sel (isian) di atas.", scope="sel", show=False),
    Aksi("tabel_simpan_turun", "simpan_pindah(1)", "down", "Simpan, turun",
         "Simpan, lalu ke sel (isian) di bawah.", scope="sel", show=False),
    Aksi("tabel_pilih", "pilih", "enter", "Pilih",
         "Simpan pilihan yang disorot.", scope="pilihan", show=False),
    Aksi("tabel_batal_pilihan", "batal", "escape", "Batal",
         "Tutup daftar pilihan tanpa mengubah apa pun.", scope="pilihan", show=False),
    # -- the window for prose (a long text cell or field), and the question before a delete --
    Aksi("teks_panjang_selesai", "screen.selesai", "escape", "Simpan dan tutup",
         "Simpan teks di jendela dan tutup jendelanya.", scope="area_panjang", show=False),
    Aksi("teks_panjang_simpan", "selesai", "escape", "Simpan dan tutup",
         "Simpan teks di jendela dan tutup jendelanya.", scope="teks_panjang", show=False),
    Aksi("teks_panjang_ke_navigasi", "ke_navigasi", "f7", "Ke navigasi",
         "Simpan teks di jendela, tutup jendelanya, lalu pindah ke daftar bab dan bagian.",
         scope="teks_panjang", show=False),
    Aksi("konfirmasi_ya", "jawab(True)", "y", "Ya", "Ya, hapus.", scope="dialog_hapus"),
    Aksi("konfirmasi_batal", "jawab(False)", "n,escape", "Batal",
         "Jangan hapus.", scope="dialog_hapus"),
    # -- preview and summary ----------------------------------------------------------------
    Aksi("tutup_pratinjau", "app.pop_screen", "escape,f3", "Tutup",
         "Tutup pratinjau dan kembali menyunting.", scope="preview"),
    Aksi("tutup_ringkasan", "app.pop_screen", "escape,f4", "Tutup",
         "Tutup ringkasan dan kembali menyunting.", scope="ringkasan"),
    Aksi("tutup_bantuan", "app.pop_screen", "escape,f1", "Tutup",
         "Tutup layar bantuan.", scope="bantuan"),
    # -- dialogs ----------------------------------------------------------------------------
    Aksi("dialog_batal", "batal", "escape", "Batal",
         "Tutup pertanyaan tanpa memilih apa pun.", scope="dialog"),
    Aksi("keluar_simpan", "pilih('simpan')", "s", "Simpan lalu keluar",
         "Simpan perubahan, lalu keluar.", scope="dialog_keluar"),
    Aksi("keluar_buang", "pilih('buang')", "b", "Buang perubahan",
         "Keluar tanpa menyimpan; perubahan yang belum disimpan hilang.", scope="dialog_keluar"),
    Aksi("disk_muat_ulang", "pilih('muat_ulang')", "m", "Muat ulang",
         "Baca versi di disk dan gabungkan perubahan Anda yang belum disimpan di atasnya.",
         scope="dialog_disk"),
    Aksi("disk_timpa", "pilih('timpa')", "t", "Gabung lalu simpan",
         "Gabungkan versi di disk dengan perubahan Anda (nilai yang bentrok ditanyakan), lalu "
         "simpan; perubahan di disk tidak hilang.", scope="dialog_disk"),
    Aksi("disk_simpan_sebagai", "pilih('simpan_sebagai')", "a", "Simpan sebagai",
         "Simpan versi Anda ke berkas lain; versi di disk tidak disentuh.", scope="dialog_disk"),
    Aksi("disk_buang", "pilih('buang')", "b", "Buang perubahan saya",
         "Baca versi di disk; perubahan Anda yang belum disimpan dibuang.", scope="dialog_disk"),
    Aksi("kunci_hanya_baca", "pilih('hanya_baca')", "h", "Hanya-baca",
         "Buka tanpa bisa mengubah; sesi lain tetap memegang berkas.", scope="dialog_lock"),
    Aksi("kunci_buka_saja", "pilih('buka_saja')", "b", "Buka saja",
         "Buka dan sunting juga, tanpa mengambil kunci sesi lain.", scope="dialog_lock"),
    Aksi("kunci_ambil_alih", "pilih('ambil_alih')", "a", "Ambil alih",
         "Jadikan kunci milik sesi ini; pilih bila sesi lain sudah tidak dipakai.",
         scope="dialog_lock"),
    Aksi("kunci_keluar", "pilih('keluar')", "k", "Keluar",
         "Jangan buka berkas ini sekarang.", scope="dialog_lock"),
    Aksi("plugin_tolak", "pilih('tolak')", "t", "Tolak",
         "Jangan jalankan berkas plugin ini dan jangan tanya lagi (lakip allow membatalkannya).",
         scope="dialog_plugin"),
    Aksi("plugin_nanti", "pilih('nanti')", "n", "Nanti saja",
         "Jangan jalankan sekarang; tanya lagi saat berkas ini dibuka lain kali.",
         scope="dialog_plugin"),
    Aksi("plugin_izinkan", "pilih('izinkan')", "i", "Izinkan",
         "Jalankan berkas plugin ini pada isinya yang sekarang, dan ingat izinnya.",
         scope="dialog_plugin"),
    Aksi("pulih_pulihkan", "pilih('pulihkan')", "p", "Pulihkan",
         "Terapkan lagi suntingan yang belum disimpan dari sesi yang terputus.",
         scope="dialog_pulih"),
    Aksi("pulih_nanti", "pilih('nanti')", "n", "Nanti saja",
         "Biarkan suntingan itu tersimpan di jurnal; bisa dipulihkan nanti (lakip recover).",
         scope="dialog_pulih"),
    Aksi("pulih_buang", "pilih('buang')", "b", "Buang",
         "Hapus suntingan yang belum disimpan itu untuk selamanya.", scope="dialog_pulih"),
    Aksi("konflik_kami", "pilih('kami')", "s", "Pakai suntingan saya",
         "Untuk nilai ini, pakai nilai dari suntingan Anda.", scope="dialog_konflik"),
    Aksi("konflik_mereka", "pilih('mereka')", "d", "Pakai yang di disk",
         "Untuk nilai ini, pakai nilai yang sekarang ada di berkas di disk.",
         scope="dialog_konflik"),
)

SCOPE_TITLE = {
    "app": "Di mana saja",
    "main": "Layar utama",
    "preview": "Pratinjau",
    "ringkasan": "Ringkasan",
    "bantuan": "Bantuan",
    "navigasi": "Di navigasi",
    "tabel": "Di tabel",
    "isian": "Di isian (formulir)",
    "narasi": "Di narasi",
    "sel": "Di kotak sunting sel atau isian",
    "pilihan": "Di daftar pilihan",
    "area_panjang": "Di jendela teks panjang",
    "teks_panjang": "Jendela teks panjang",
    "dialog": "Semua pertanyaan",
    "dialog_hapus": "Pertanyaan: hapus baris",
    "dialog_keluar": "Pertanyaan: keluar dengan perubahan belum disimpan",
    "dialog_disk": "Pertanyaan: berkas berubah di disk",
    "dialog_lock": "Pertanyaan: berkas sedang dibuka sesi lain",
    "dialog_plugin": "Pertanyaan: berkas proyek meminta menjalankan plugin",
    "dialog_pulih": "Pertanyaan: suntingan belum disimpan dari sesi yang terputus",
    "dialog_konflik": "Pertanyaan: nilai yang diubah di dua tempat",
}

BY_ID: dict[str, Aksi] = {aksi.id: aksi for aksi in AKSI}

# The scopes of widgets (not screens): their actions run on the widget that has the focus.
EDITOR_SCOPES = ("navigasi", "tabel", "isian", "narasi", "sel", "pilihan", "area_panjang")
# Where a bare printable key may not be a command (it types into the cell or field).
SCOPES_KETIK = ("tabel", "isian")


# The footer shows these first, as many as fit whole (widgets/footer.py); the rest follow
# where there is room. Every action is also in the palette and the help screen.
PRIORITAS_KAKI = (
    "tabel_sunting", "isian_sunting", "tabel_tambah_baris", "tabel_tambah_rincian",
    "tabel_hapus_baris", "simpan", "urungkan", "tabel_naikkan_baris", "tabel_turunkan_baris",
    "bantuan", "keluar", "pratinjau", "ringkasan",
)


def bindings(scope: str) -> list[Binding]:
    """Textual bindings for one scope. Palette-only actions (no keys) have none."""
    return [
        Binding(aksi.keys, aksi.action, aksi.kaki or aksi.description, show=aksi.show,
                priority=aksi.priority, id=aksi.id, tooltip=aksi.help)
        for aksi in AKSI
        if aksi.scope == scope and aksi.keys
    ]


def in_scope(*scopes: str) -> list[Aksi]:
    return [aksi for aksi in AKSI if aksi.scope in scopes]


def binding_ids() -> list[str]:
    return [aksi.id for aksi in AKSI if aksi.keys]
