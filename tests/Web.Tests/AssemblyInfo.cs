// The browser tests share one host and one Chromium (BrowserCollection) and run one at a time: on a 2-core machine
// that keeps them inside their timeouts while the other test projects run beside them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
