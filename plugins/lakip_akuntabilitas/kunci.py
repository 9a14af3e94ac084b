"""The keys of the tables this plugin reads: its own two chapters and the Perjanjian Kinerja."""

BAB = "akuntabilitas"
PENUTUP = "penutup"
PK = "perjanjian_kinerja"
