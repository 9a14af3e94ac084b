"""lakip-tui: Laporan Kinerja (LAKIP) untuk perangkat daerah, di terminal."""

__version__ = "0.1.0"
