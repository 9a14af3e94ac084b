-- The Pemda-level recap of `lakip rekap`, over the tables of `lakip data` (docs/data.md).
-- Plain SQL that DuckDB, Spark SQL, Trino and BigQuery all run: only the tables `instansi`,
-- `sasaran` and `temuan` are named. Each query starts with a `-- name:` line.

-- name: pemda
-- One row per Pemda and year: agencies, budget absorption and the mean of the agencies' capaian.
SELECT
  pemda,
  tahun,
  COUNT(*) AS jumlah_instansi,
  COUNT(pagu) AS instansi_dengan_anggaran,
  SUM(pagu) AS pagu,
  SUM(realisasi) AS realisasi,
  100.0 * SUM(realisasi) / NULLIF(SUM(pagu), 0) AS persen_realisasi,
  AVG(capaian) AS rata_rata_capaian
FROM instansi
GROUP BY pemda, tahun
ORDER BY pemda, tahun;

-- name: capaian_instansi
-- Each agency's own mean capaian (computed by its BAB III), best first.
SELECT
  pemda,
  instansi,
  jumlah_sasaran,
  jumlah_indikator,
  capaian,
  efisiensi
FROM instansi
ORDER BY capaian DESC NULLS LAST, pemda, instansi;

-- name: capaian_sasaran_daerah
-- The Pemda's sasaran (RPJMD) as the agencies' sasaran that name it achieve it.
SELECT
  i.pemda,
  s.sasaran_daerah,
  COUNT(DISTINCT s.file) AS jumlah_instansi,
  COUNT(*) AS jumlah_sasaran,
  AVG(s.capaian) AS rata_rata_capaian,
  MIN(s.capaian) AS capaian_terendah
FROM sasaran s
JOIN instansi i ON i.file = s.file
WHERE s.sasaran_daerah IS NOT NULL
GROUP BY i.pemda, s.sasaran_daerah
ORDER BY i.pemda, s.sasaran_daerah;

-- name: anggaran_instansi
-- Budget absorption per agency, the lowest first: where a Bappeda asks why.
SELECT
  pemda,
  instansi,
  pagu,
  realisasi,
  pagu - realisasi AS sisa,
  persen_realisasi
FROM instansi
ORDER BY persen_realisasi ASC NULLS LAST, pemda, instansi;

-- name: temuan_terbanyak
-- The ten agencies with the most findings of `lakip check`, errors first.
SELECT
  i.pemda,
  i.instansi,
  SUM(CASE WHEN t.severity = 'error' THEN 1 ELSE 0 END) AS galat,
  SUM(CASE WHEN t.severity = 'warning' THEN 1 ELSE 0 END) AS peringatan,
  SUM(CASE WHEN t.severity = 'info' THEN 1 ELSE 0 END) AS info,
  COUNT(t.code) AS jumlah_temuan
FROM instansi i
LEFT JOIN temuan t ON t.file = i.file
GROUP BY i.file, i.pemda, i.instansi
ORDER BY galat DESC, peringatan DESC, jumlah_temuan DESC, i.pemda, i.instansi
LIMIT 10;
