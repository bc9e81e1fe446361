namespace Holded.Partners.Web.Tests;

/// <summary>
/// One host, one database and one Chromium for every browser test (starting them per class cost more than the tests).
/// So each test makes its own people and accounts and never counts what others may have made.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
