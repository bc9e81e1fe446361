using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Team;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Onboarding.Web;

/// <summary>
/// Step 4 "Configuración → Cuenta → Usuarios → Invitar usuarios": invite by email with a role, the pending invitations
/// (expiry, revoke) and the members (change role, remove after a confirmation), each through the team's API.
/// </summary>
public static class UsersPage
{
    public static string PathFor(Guid accountId) => $"/accounts/{accountId}/users";

    [AllowAnonymous]
    [WolverineGet("/accounts/{accountId}/users")]
    public static async Task<IResult> Get(Guid accountId, HttpContext context, IUseCases useCases, string? done)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await Render(context, useCases, view, accountId, new Typed(), null, done, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/accounts/{accountId}/users/invite")]
    public static async Task<IResult> Invite(Guid accountId, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var command = new InviteMember(Value(form, "email"), Value(form, "role"));
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/accounts/{accountId}/invitations", command);
        return answer.Succeeded
            ? Results.Redirect($"{PathFor(accountId)}?done=invited")
            : await Render(context, useCases, await Portal.ViewAsync(context, accountId), accountId, new Typed(command.Email, command.Role), answer.Refusal, null, answer.Status);
    }

    [AllowAnonymous]
    [WolverinePost("/accounts/{accountId}/users/invitations/{invitationId}/revoke")]
    public static Task<IResult> Revoke(Guid accountId, Guid invitationId, HttpContext context, IUseCases useCases) =>
        Write(accountId, context, useCases, "DELETE", $"/api/v1/accounts/{accountId}/invitations/{invitationId}", _ => null, "revoked");

    [AllowAnonymous]
    [WolverinePost("/accounts/{accountId}/users/{userId}/role")]
    public static Task<IResult> ChangeRole(Guid accountId, string userId, HttpContext context, IUseCases useCases) =>
        Write(accountId, context, useCases, "PUT", $"/api/v1/accounts/{accountId}/members/{Uri.EscapeDataString(userId)}",
            form => new ChangeMemberRole(Value(form, "role")), "role");

    private static async Task<IResult> Write(Guid accountId, HttpContext context, IUseCases useCases, string method, string path,
        Func<IFormCollection, object?> command, string done)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var answer = await useCases.InvokeAsync(context, method, path, command(form));
        return answer.Succeeded
            ? Results.Redirect($"{PathFor(accountId)}?done={done}")
            : await Render(context, useCases, await Portal.ViewAsync(context, accountId), accountId, new Typed(), answer.Refusal, null, answer.Status);
    }

    private static async Task<IResult> Render(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, Typed typed,
        Refusal? refusal, string? done, int status)
    {
        var account = await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{accountId}");
        if (!account.Succeeded) return Portal.Render<UsersList>(context, view, new { Refusal = account.Refusal }, account.Status);
        var members = await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{accountId}/members?pageSize=100");
        // Only the account's managers see its invitations (403 for the others): the section is then left out.
        var invitations = await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{accountId}/invitations?pageSize=100");
        return Portal.Render<UsersList>(context, view, new
        {
            Account = account.As<AccountView>(),
            Members = members.Succeeded ? members.As<Page<TeamMember>>().Items : [],
            Invitations = invitations.Succeeded ? invitations.As<Page<InvitationView>>().Items : null,
            Typed = typed, Refusal = refusal, Done = done,
        }, status);
    }

    internal static string? Value(IFormCollection form, string name) => form[name].ToString() is { Length: > 0 } v ? v : null;
}

/// <summary>What was typed into the invitation form, kept on a refusal.</summary>
public sealed record Typed(string? Email = null, string? Role = null);
