
namespace Holded.Partners.Access.Tests;

[CollectionDefinition(AppCollection.Name)]
public sealed class ThisAppCollection : AppCollection;
