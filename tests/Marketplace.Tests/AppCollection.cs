
namespace Holded.Partners.Marketplace.Tests;

[CollectionDefinition(AppCollection.Name)]
public sealed class ThisAppCollection : AppCollection;
