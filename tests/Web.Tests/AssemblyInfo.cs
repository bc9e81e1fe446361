// Each browser test class starts a host and a Chromium of its own; one at a time keeps them inside their timeouts
// on a 2-core machine while the other test projects run beside them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
