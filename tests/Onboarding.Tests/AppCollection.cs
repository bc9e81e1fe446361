
namespace Holded.Partners.Onboarding.Tests;

[CollectionDefinition(AppCollection.Name)]
public sealed class ThisAppCollection : AppCollection;
