using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;
using Holded.Partners.Marketplace.Conversations;

namespace Holded.Partners.Marketplace.Web;

/// <summary>
/// Step 5, one conversation, both sides: its messages a page at a time (the API's olderBefore), a message to write, and
/// the business asking to collaborate. What each side may do is the API's decision; the page only offers it.
/// </summary>
public static class ConversationPage
{
    [AllowAnonymous] // the page reads its own cookie identity; the use cases decide
    [WolverineGet("/conversations/{conversationId}")]
    public static async Task<IResult> Get(Guid conversationId, long? before, string? done, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        // Arrived through a firm's invite: the collaboration request is ready to send (the person still sends it).
        var typed = done == Invited ? new Typed(Request: view.T("Nos gustaría que llevarais nuestra cuenta. ¿Empezamos a colaborar?",
            "We would like you to work on our account. Shall we start collaborating?")) : new Typed();
        return await Show(context, useCases, view, conversationId, before, done, typed, null, StatusCodes.Status200OK);
    }

    /// <summary>The "done" of a conversation just started through an invite link (see <see cref="InvitePage"/>).</summary>
    public const string Invited = "invited";

    [AllowAnonymous]
    [WolverinePost("/conversations/{conversationId}/messages")]
    public static async Task<IResult> Write(Guid conversationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var text = form["text"].ToString();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/conversations/{conversationId}/messages", new PostMessage(text));
        return answer.Succeeded
            ? Results.Redirect(Pages.Conversation(conversationId) + Pages.Query(("done", "message")))
            : await Show(context, useCases, view, conversationId, null, null, new Typed(Text: text), answer.Refusal, answer.Status);
    }

    [AllowAnonymous]
    [WolverinePost("/conversations/{conversationId}/collaboration-request")]
    public static async Task<IResult> Ask(Guid conversationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var message = form["message"].ToString();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/conversations/{conversationId}/collaboration-request",
            new RequestCollaboration(message));
        return answer.Succeeded
            ? Results.Redirect(Pages.Conversation(conversationId) + Pages.Query(("done", "requested")))
            : await Show(context, useCases, view, conversationId, null, null, new Typed(Request: message), answer.Refusal, answer.Status);
    }

    /// <summary>The conversation as the API answers it to this person, on their side's navigation; a write's refusal beside what was typed.</summary>
    private static async Task<IResult> Show(HttpContext context, IUseCases useCases, PortalView view, Guid id, long? before, string? done,
        Typed typed, Refusal? refusal, int status)
    {
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/conversations/{id}" + Pages.Query(("before", before)));
        if (!read.Succeeded)
            return Portal.Render<ConversationThread>(context, view, new { Refusal = read.Refusal }, read.Status);
        var detail = read.As<ConversationDetail>();
        view = view with { Account = SideOf(view, detail.Conversation) };
        return Portal.Render<ConversationThread>(context, view,
            new { Detail = detail, Before = before, Done = done, Typed = typed, Refusal = refusal }, status);
    }

    /// <summary>The person's own account in the conversation: the business, or the firm.</summary>
    public static PortalAccount? SideOf(PortalView view, ConversationView c) =>
        view.Person?.Accounts.FirstOrDefault(a => a.AccountId == c.ClientAccountId)
        ?? view.Person?.Accounts.FirstOrDefault(a => a.AccountId == c.PartnerAccountId);
}

/// <summary>What a person typed in the conversation's forms, kept when the API refused it.</summary>
public sealed record Typed(string? Text = null, string? Request = null);
