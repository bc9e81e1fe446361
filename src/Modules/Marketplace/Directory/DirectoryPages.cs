using System.Text;
using Holded.Partners.Marketplace.Listings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using static Holded.Partners.Kernel.HtmlPage;
using static Holded.Partners.Marketplace.Directory.Layout;

namespace Holded.Partners.Marketplace.Directory;

/// <summary>The public directory as web pages: search with filters and paging, and one page per partner. No contact data.</summary>
public static class DirectoryPages
{
    private const int PageSize = 10;

    [AllowAnonymous]
    [EnableRateLimiting(MarketplaceModule.PublicRateLimit)]
    [WolverineGet("/directory")]
    public static async Task<IResult> Search(
        [FromQuery] ListingQuery query, HttpContext context, ListingSearch search, CancellationToken ct)
    {
        var language = Language.Of(context.Request);
        var t = Texts.For(language);
        query = query with { PageSize = PageSize, Language = null, Sector = null };
        var invalid = query.Validate().Status is not null;
        var page = invalid ? new Page<Listing>([], 1, PageSize, 0) : await search.Search(query, ct);

        var body = new StringBuilder()
            .Append($"<header><h1>{E(t.Heading)}</h1><p>{E(t.Intro)}</p></header>")
            .Append(Form(query, t, language))
            .Append(invalid ? $"<p role=\"alert\">{E(t.Invalid)}</p>" : "")
            .Append($"<p id=\"count\">{page.Total} {E(t.Results)}</p>");
        if (page.Items.Count == 0 && !invalid) body.Append($"<p>{E(t.None)}</p>");
        body.Append("<ul id=\"results\">");
        foreach (var listing in page.Items)
            body.Append($"<li class=\"partner\"><h2><a href=\"/directory/{E(listing.Slug)}\">{E(listing.DisplayName)}</a></h2>")
                .Append($"<p>{E(Excerpt(listing.Description, 220))}</p>")
                .Append($"<p>{Tags(listing.Provinces, language)}</p><p>{Tags(listing.Services, language)}</p></li>");
        body.Append("</ul>").Append(Pager(query, page, t));
        return Page(context, language, invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, t.Title, t.Description, body.ToString());
    }

    [AllowAnonymous]
    [EnableRateLimiting(MarketplaceModule.PublicRateLimit)]
    [WolverineGet("/directory/{slug}")]
    public static async Task<IResult> Partner(string slug, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var language = Language.Of(context.Request);
        var t = Texts.For(language);
        var listing = await session.Query<Listing>().FirstOrDefaultAsync(l => l.Slug == slug && l.Visible, ct);
        if (listing is null)
            return Page(context, language, StatusCodes.Status404NotFound, $"{t.NotFound} — {t.Title}", t.NotFoundText,
                $"<h1>{E(t.NotFound)}</h1><p>{E(t.NotFoundText)}</p><p><a href=\"/directory\">{E(t.Back)}</a></p>");

        var body = new StringBuilder()
            .Append($"<p><a href=\"/directory\">{E(t.Back)}</a></p><article><h1>{E(listing.DisplayName)}</h1>")
            .Append(listing.LogoUrl is null ? "" : $"<img src=\"{E(listing.LogoUrl)}\" alt=\"{E(listing.DisplayName)}\" width=\"120\">")
            .Append($"<p>{E(listing.Description)}</p><dl>")
            .Append($"<dt>{E(t.Services)}</dt><dd>{Tags(listing.Services, language)}</dd>")
            .Append(listing.Sectors.Count == 0 ? "" : $"<dt>{E(t.Sectors)}</dt><dd>{Tags(listing.Sectors, language)}</dd>")
            .Append($"<dt>{E(t.Provinces)}</dt><dd>{Tags(listing.Provinces, language)}</dd>")
            .Append($"<dt>{E(t.Languages)}</dt><dd>{Tags(listing.Languages, language)}</dd>")
            .Append(listing.TeamSize is { } size ? $"<dt>{E(t.TeamSize)}</dt><dd>{size} {E(t.People)}</dd>" : "")
            .Append(listing.Website is { } web ? $"<dt>{E(t.Website)}</dt><dd><a href=\"{E(web)}\" rel=\"nofollow noopener\">{E(web)}</a></dd>" : "")
            .Append(listing.Credentials.Count == 0 ? "" : $"<dt>{E(t.Credentials)}</dt><dd><ul>{string.Concat(listing.Credentials.Select(c => $"<li>{E(c)}</li>"))}</ul></dd>")
            .Append($"</dl><p>{E(t.Contact)}</p></article>");
        return Page(context, language, StatusCodes.Status200OK, $"{listing.DisplayName} — {t.Title}", Excerpt(listing.Description, 155),
            body.ToString(), $"/directory/{listing.Slug}");
    }

    private static string Form(ListingQuery query, Texts t, string language)
    {
        string Options(IEnumerable<string> codes, string? selected) =>
            $"<option value=\"\">{E(t.Any)}</option>" + string.Concat(codes
                .Select(c => (Code: c, Label: Labels.Of(c, language))).OrderBy(o => o.Label, StringComparer.Create(new("es-ES"), true))
                .Select(o => $"<option value=\"{E(o.Code)}\"{(o.Code == selected ? " selected" : "")}>{E(o.Label)}</option>"));
        return new StringBuilder("<form method=\"get\" action=\"/directory\" role=\"search\">")
            .Append($"<label>{E(t.Search)} <input type=\"search\" name=\"q\" value=\"{E(query.Q)}\" maxlength=\"200\"></label>")
            .Append($"<label>{E(t.Province)} <select name=\"province\">{Options(Catalogs.ProvinceCodes, query.Province)}</select></label>")
            .Append($"<label>{E(t.Service)} <select name=\"service\">{Options(Catalogs.Services, query.Service)}</select></label>")
            .Append($"<button type=\"submit\">{E(t.Find)}</button></form>").ToString();
    }

    private static string Pager(ListingQuery query, Page<Listing> page, Texts t)
    {
        if (page.Total <= page.PageSize) return "";
        var pages = (int)Math.Ceiling(page.Total / (double)page.PageSize);
        string Link(int number, string label, string rel)
        {
            var href = "/directory" + QueryString.Create(new Dictionary<string, string?>
            {
                ["q"] = query.Q, ["province"] = query.Province, ["service"] = query.Service, ["page"] = number.ToString(),
            }.Where(p => !string.IsNullOrEmpty(p.Value)));
            return $"<a rel=\"{rel}\" href=\"{E(href)}\">{E(label)}</a>";
        }
        return new StringBuilder("<nav class=\"pages\">")
            .Append(page.PageNumber > 1 ? Link(page.PageNumber - 1, t.Previous, "prev") : "")
            .Append($"<span>{E(t.Page)} {page.PageNumber} {E(t.Of)} {pages}</span>")
            .Append(page.HasMore ? Link(page.PageNumber + 1, t.Next, "next") : "")
            .Append("</nav>").ToString();
    }

    private static string Excerpt(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";
}
