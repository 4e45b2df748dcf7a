"""Claims from attributions: chains of hops, sources merged and resolved, hops dated."""
