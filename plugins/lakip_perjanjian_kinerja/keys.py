"""The key of this plugin's table and the choices its indicators take."""

CHAPTER_KEY = "perjanjian_kinerja"
POLARITAS = ("positif", "negatif")
JENIS = ("kuantitatif", "kualitatif", "sesuai_target")
