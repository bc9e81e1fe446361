using Wolverine.Http;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// Readable names in the API reference: each endpoint is tagged with its module and feature
/// ("Onboarding · Team") and named after its use case ("InviteMember").
/// </summary>
public static class OpenApiNames
{
    public static void Apply(HttpChain chain)
    {
        var type = chain.Method.HandlerType;
        var parts = (type.Namespace ?? "").Split('.');
        var tag = parts.Length >= 4 ? $"{parts[2]} · {parts[3]}" : parts.LastOrDefault() ?? "API";
        // One use case per class is named after the class; a class of several endpoints ("InboxEndpoints") names each by
        // its method, a verb before what it acts on ("CountInbox"), a noun after it ("CatalogRoles").
        var method = chain.Method.Method.Name;
        var stem = type.Name.EndsWith("Endpoints") ? type.Name[..^"Endpoints".Length] : type.Name;
        var name = type.Name.EndsWith("Endpoint") ? type.Name[..^"Endpoint".Length]
            : Verbs.Any(v => method.StartsWith(v, StringComparison.Ordinal)) ? method + stem : stem + method;
        chain.Metadata.WithTags(tag).WithName(name).WithSummary(Words(name));
    }

    private static readonly string[] Verbs = ["Get", "List", "Count", "Read", "Rebuild", "Post", "Put", "Delete"];

    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
