"""Write-time derivations: pure functions over coded records that the store's writer applies at ingest
(event clusters, the turns an article narrates). They import only volte.records, so the store and
analyse may both use them (docs/internals.md, "What imports what")."""
