using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Holded.Partners.Kernel;

/// <summary>The web pages speak Spanish, the market's language, and English to a browser that prefers it.</summary>
public static class Language
{
    public const string Spanish = "es";
    public const string English = "en";

    public static string Of(HttpRequest request)
    {
        var preferred = StringWithQualityHeaderValue.ParseList(request.Headers.AcceptLanguage.ToString().Split(','))
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is Spanish or English);
        return preferred ?? Spanish;
    }
}

