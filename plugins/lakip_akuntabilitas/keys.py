"""The keys of the tables this plugin reads: its own two chapters and the Perjanjian Kinerja."""

CHAPTER_KEY = "akuntabilitas"
PENUTUP = "penutup"
PK = "perjanjian_kinerja"
