using System.Text.RegularExpressions;
using Holded.Partners.Notifications.Inbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Notifications.Web;

/// <summary>
/// The inbox: a person's notifications, newest first, all or only the unread; mark one read, mark all read; each links
/// to the portal's page of what it is about. Reads and marks are the API's own (GET /api/v1/notifications, POST …/read).
/// </summary>
public static partial class InboxPage
{
    public const string Path = "/notifications";

    [AllowAnonymous] // the page reads its own cookie identity; the use cases decide
    [WolverineGet(Path)]
    public static async Task<IResult> Get(bool? unread, int? page, string? done, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        var query = QueryString.Create(new Dictionary<string, string?> { ["unread"] = unread?.ToString().ToLowerInvariant(), ["page"] = page?.ToString() }
            .Where(p => p.Value is not null));
        var answer = await useCases.InvokeAsync(context, "GET", $"/api/v1/notifications{query}");
        return Portal.Render<InboxList>(context, await Portal.ViewAsync(context),
            new { Inbox = answer.Succeeded ? answer.As<Inbox.InboxPage>() : null, Refusal = answer.Refusal, Unread = unread == true, Done = done },
            answer.Status);
    }

    [AllowAnonymous]
    [WolverinePost(Path + "/{id}/read")]
    public static Task<IResult> Read(Guid id, HttpContext context, IUseCases useCases) => Mark(context, useCases, $"/api/v1/notifications/{id}/read");

    [AllowAnonymous]
    [WolverinePost(Path + "/read-all")]
    public static Task<IResult> ReadAll(HttpContext context, IUseCases useCases) => Mark(context, useCases, "/api/v1/notifications/read-all");

    private static async Task<IResult> Mark(HttpContext context, IUseCases useCases, string api)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var answer = await useCases.InvokeAsync(context, "POST", api);
        var back = form["unread"] == "true" ? "unread=true&" : "";
        if (answer.Succeeded) return Results.Redirect($"{Path}?{back}done=read"); // post/redirect/get
        return Portal.Render<InboxList>(context, await Portal.ViewAsync(context), new { Refusal = answer.Refusal }, answer.Status);
    }

    /// <summary>
    /// Where a notification takes a person in the portal: its link names the API's resource, and each resource has its page.
    /// </summary>
    public static string PortalLink(InboxItem item)
    {
        var link = item.Link;
        if (Match(CollaborationPart(), link) is { } work) return work[2] == "pending-work" ? $"/collaborations/{work[1]}/work" : $"/collaborations/{work[1]}";
        if (Match(Resource("conversations"), link) is { } conversation) return $"/conversations/{conversation[1]}";
        if (Match(Resource("invitations"), link) is { } invitation) return $"/invitations/{invitation[1]}";
        if (Match(ProfilePart(), link) is { } profile) return $"/firms/{profile[1]}/profile";
        if (Match(Resource("partner-applications"), link) is not null && item.AccountId is { } firm) return $"/firms/{firm}";
        if (Match(Resource("access-reviews"), link) is { } review && item.AccountId is { } reviewed) return $"/firms/{reviewed}/access-reviews/{review[1]}";
        return Portal.Home;
    }

    private static string[]? Match(Regex pattern, string link) =>
        pattern.Match(link) is { Success: true } m ? [.. m.Groups.Values.Select(g => g.Value)] : null;

    private static Regex Resource(string name) => new($"^/api/v1/{name}/([0-9a-fA-F-]{{36}})$");

    [GeneratedRegex("^/api/v1/collaborations/([0-9a-fA-F-]{36})(?:/(access-grant|pending-work))?$")]
    private static partial Regex CollaborationPart();

    [GeneratedRegex("^/api/v1/partners/([0-9a-fA-F-]{36})/profile$")]
    private static partial Regex ProfilePart();
}
