
namespace Holded.Partners.Collaboration.Tests;

[CollectionDefinition(AppCollection.Name)]
public sealed class ThisAppCollection : AppCollection;
