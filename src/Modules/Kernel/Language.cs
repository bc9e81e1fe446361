using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Holded.Partners.Kernel;

/// <summary>
/// The product speaks Spanish, the market's language, and English to a person who chose it (the switch in the
/// portal's header, kept in a cookie) or whose browser prefers it.
/// </summary>
public static class Language
{
    public const string Spanish = "es";
    public const string English = "en";
    public static readonly IReadOnlyList<string> All = [Spanish, English];

    /// <summary>The cookie the language switch sets: a preference, not a secret.</summary>
    public const string Cookie = "partners.lang";

    public static string Of(HttpRequest request)
    {
        if (request.Cookies.TryGetValue(Cookie, out var chosen) && chosen is Spanish or English) return chosen;
        var preferred = StringWithQualityHeaderValue.ParseList(request.Headers.AcceptLanguage.ToString().Split(','))
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is Spanish or English);
        return preferred ?? Spanish;
    }
}
