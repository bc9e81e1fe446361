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
        // One use case per class is named after the class; a class of several endpoints names each by its method.
        var name = type.Name.EndsWith("Endpoint") ? type.Name[..^"Endpoint".Length] : type.Name + chain.Method.Method.Name;
        chain.Metadata.WithTags(tag).WithName(name).WithSummary(Words(name));
        // Web pages are not API.
        if (!chain.RoutePattern!.RawText!.StartsWith("/api/")) chain.Metadata.ExcludeFromDescription();
    }

    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
