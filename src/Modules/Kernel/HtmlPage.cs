using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Kernel;

/// <summary>The shell of a server-rendered page: readable without JavaScript, every value HTML-encoded.</summary>
public static class HtmlPage
{
    // Spanish stays readable in the source; only what HTML needs is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static IResult Page(HttpContext context, string language, int status, string title, string description, string body, string? canonical = null)
    {
        context.Response.Headers.Vary = "Accept-Language";
        context.Response.Headers.ContentLanguage = language;
        var html = new StringBuilder()
            .Append($"<!doctype html><html lang=\"{language}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{E(title)}</title><meta name=\"description\" content=\"{E(description)}\">")
            .Append(canonical is null ? "" : $"<link rel=\"canonical\" href=\"{E(canonical)}\">")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2433}")
            .Append("a{color:#0b57d0}form{display:flex;gap:.5rem;flex-wrap:wrap;margin:1rem 0}li.partner{margin:1rem 0;padding:1rem;")
            .Append("border:1px solid #dde;border-radius:8px;list-style:none}ul{padding:0}.tags span{display:inline-block;margin:.1rem .3rem .1rem 0;")
            .Append("padding:.1rem .5rem;background:#eef2fb;border-radius:1rem;font-size:.85rem}nav.pages{display:flex;gap:1rem}</style>")
            .Append("</head><body>").Append(body).Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

}
