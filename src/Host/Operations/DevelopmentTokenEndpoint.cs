using Holded.Partners.Host.Infrastructure;
using Holded.Partners.Kernel;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Holded.Partners.Host.Operations;

/// <summary>
/// A development token in milliseconds, for the README's walk and for scripts: the `token` command's fields
/// (email, name, sub, platform-role, scope — repeated —, hours) as a form, the token as plain text. In Development
/// only, with no identity provider configured; anywhere else it does not exist.
/// </summary>
public static class DevelopmentTokenEndpoint
{
    [AllowAnonymous]
    [WolverinePost("/dev/token")]
    public static async Task<IResult> Post(HttpContext context, IHostEnvironment environment, IConfiguration configuration)
    {
        var key = configuration["Auth:DevelopmentSigningKey"];
        if (!DevelopmentIdentities.Offered(environment, configuration) || string.IsNullOrEmpty(key))
            return Results.Problem(Kernel.Problems.NotFound("page"));
        if (!context.Request.HasFormContentType)
            return Results.Problem(Kernel.Problems.Invalid(new Dictionary<string, string[]> { ["body"] = ["must be a form: email=…&name=…, or sub=…&scope=…."] }));
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string Field(string name) => form[name].ToString().Trim();
        var email = Field("email").ToLowerInvariant();
        var sub = Field("sub");
        var role = Field("platform-role") is { Length: > 0 } r ? r : Field("platformRole");
        var check = new Check()
            .That(email.Length > 0 || sub.Length > 0, "email", "is required for a person (or sub, with scope, for a service).")
            .Email("email", email, required: false)
            .Text("sub", sub, 200, required: false)
            .OneOf("platform-role", role, PlatformRoles.All, required: false)
            .Range("hours", int.TryParse(Field("hours"), out var h) ? h : null, 1, 24 * 30);
        if (!check.IsValid) return Results.Problem(check.Result());
        var subject = sub.Length > 0 ? sub : DevelopmentTokens.SubjectFor(email);
        var token = DevelopmentTokens.Issue(key, subject, email, Field("name") is { Length: > 0 } name ? name : email, role,
            form["scope"].Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()), TimeSpan.FromHours(h > 0 ? h : 12),
            clientId: email.Length == 0 ? subject : null);
        return Results.Text(token + "\n", "text/plain; charset=utf-8");
    }
}
