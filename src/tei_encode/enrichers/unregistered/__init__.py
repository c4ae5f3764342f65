"""People and places the register lacks, each given a provisional entry flagged for review."""
