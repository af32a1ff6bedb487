"""What every batch shares: jobs, the worker pool, the manifest and change detection, safe names, zips, the one guarded writer, PDF batching."""
