using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;
using Holded.Partners.Marketplace.Conversations;

namespace Holded.Partners.Marketplace.Web;

/// <summary>
/// Step 5, the firm's answer: "Aceptar colaboración" and "Rechazar", each a confirmation page that says what follows,
/// the write only on its POST (POST .../collaboration-request/accept or /decline).
/// </summary>
public static class DecideRequestPage
{
    public const string Accept = "accept";
    public const string Decline = "decline";

    [AllowAnonymous]
    [WolverineGet("/conversations/{conversationId}/accept")]
    public static Task<IResult> ConfirmAccept(Guid conversationId, HttpContext context, IUseCases useCases) =>
        Confirm(context, useCases, conversationId, Accept);

    [AllowAnonymous]
    [WolverineGet("/conversations/{conversationId}/decline")]
    public static Task<IResult> ConfirmDecline(Guid conversationId, HttpContext context, IUseCases useCases) =>
        Confirm(context, useCases, conversationId, Decline);

    [AllowAnonymous]
    [WolverinePost("/conversations/{conversationId}/accept")]
    public static async Task<IResult> Accepted(Guid conversationId, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/conversations/{conversationId}/collaboration-request/accept",
            new AcceptCollaborationRequest(Confirm: true)); // this POST is the confirmation
        return answer.Succeeded
            ? Results.Redirect(Pages.Conversation(conversationId) + Pages.Query(("done", "accepted")))
            : await Confirm(context, useCases, conversationId, Accept, answer.Refusal, answer.Status);
    }

    [AllowAnonymous]
    [WolverinePost("/conversations/{conversationId}/decline")]
    public static async Task<IResult> Declined(Guid conversationId, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var reason = form["reason"].ToString();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/conversations/{conversationId}/collaboration-request/decline",
            new DeclineCollaborationRequest(reason));
        return answer.Succeeded
            ? Results.Redirect(Pages.Conversation(conversationId) + Pages.Query(("done", "declined")))
            : await Confirm(context, useCases, conversationId, Decline, answer.Refusal, answer.Status, reason);
    }

    private static async Task<IResult> Confirm(HttpContext context, IUseCases useCases, Guid id, string decision,
        Refusal? refusal = null, int status = StatusCodes.Status200OK, string? reason = null)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/conversations/{id}?limit=1");
        if (!read.Succeeded)
            return Portal.Render<RequestDecisionConfirmation>(context, view, new { Decision = decision, Refusal = read.Refusal }, read.Status);
        var conversation = read.As<ConversationDetail>().Conversation;
        return Portal.Render<RequestDecisionConfirmation>(context, view with { Account = ConversationPage.SideOf(view, conversation) },
            new { Decision = decision, Conversation = conversation, Refusal = refusal, Reason = reason }, status);
    }
}
