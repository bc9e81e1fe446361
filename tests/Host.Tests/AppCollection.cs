
namespace Holded.Partners.Host.Tests;

[CollectionDefinition(AppCollection.Name)]
public sealed class ThisAppCollection : AppCollection;
