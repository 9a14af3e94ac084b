"""Every named action of the app, in one place: its binding id, default keys and Indonesian text.

Bindings, the command palette, the help screen and the key map file are all built from this
list, so an action cannot be reachable by key but missing from the palette, or remappable but
undocumented. `scope` says where the binding lives: "app" works everywhere, the others on the
screen of that name ("main", "preview", "ringkasan", "bantuan", "dialog").

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
    description: str  # short, for the footer
    help: str  # one sentence, for the palette and the help screen
    scope: str = "app"
    show: bool = True  # in the footer
    priority: bool = False  # before the focused widget gets the key


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
         "Baca versi di disk; perubahan Anda yang belum disimpan dibuang.", scope="dialog_disk"),
    Aksi("disk_timpa", "pilih('timpa')", "t", "Timpa",
         "Simpan versi Anda di atas versi di disk; perubahan di disk hilang.",
         scope="dialog_disk"),
    Aksi("disk_simpan_sebagai", "pilih('simpan_sebagai')", "a", "Simpan sebagai",
         "Simpan versi Anda ke berkas lain; versi di disk tidak disentuh.", scope="dialog_disk"),
    Aksi("kunci_hanya_baca", "pilih('hanya_baca')", "h", "Hanya-baca",
         "Buka tanpa bisa mengubah; sesi lain tetap memegang berkas.", scope="dialog_kunci"),
    Aksi("kunci_buka_saja", "pilih('buka_saja')", "b", "Buka saja",
         "Buka dan sunting juga; hati-hati, simpanan sesi lain bisa tertimpa.",
         scope="dialog_kunci"),
    Aksi("kunci_keluar", "pilih('keluar')", "k", "Keluar",
         "Jangan buka berkas ini sekarang.", scope="dialog_kunci"),
)

SCOPE_TITLE = {
    "app": "Di mana saja",
    "main": "Layar utama",
    "preview": "Pratinjau",
    "ringkasan": "Ringkasan",
    "bantuan": "Bantuan",
    "dialog": "Semua pertanyaan",
    "dialog_keluar": "Pertanyaan: keluar dengan perubahan belum disimpan",
    "dialog_disk": "Pertanyaan: berkas berubah di disk",
    "dialog_kunci": "Pertanyaan: berkas sedang dibuka sesi lain",
}

BY_ID: dict[str, Aksi] = {aksi.id: aksi for aksi in AKSI}


def bindings(scope: str) -> list[Binding]:
    """Textual bindings for one scope. Palette-only actions (no keys) have none."""
    return [
        Binding(aksi.keys, aksi.action, aksi.description, show=aksi.show,
                priority=aksi.priority, id=aksi.id, tooltip=aksi.help)
        for aksi in AKSI
        if aksi.scope == scope and aksi.keys
    ]


def in_scope(*scopes: str) -> list[Aksi]:
    return [aksi for aksi in AKSI if aksi.scope in scopes]


def binding_ids() -> list[str]:
    return [aksi.id for aksi in AKSI if aksi.keys]
