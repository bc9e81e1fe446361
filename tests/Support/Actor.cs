using Holded.Partners.Host.Infrastructure;

namespace Holded.Partners.Testing;

/// <summary>A caller as a test sees it: the token it presents and the ids it is known by.</summary>
public sealed record Actor(string UserId, string Email, string Name, string Token)
{
    public const string SigningKey = "test-signing-key-for-the-suite-only-0123456789abcdef";
    private static int _next;
    /// <summary>Long enough to outlive a test that moves the host's clock weeks ahead.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(120);

    public static Actor Person(string? name = null, string? platformRole = null)
    {
        var n = Interlocked.Increment(ref _next);
        var email = $"{(name ?? "person").ToLowerInvariant().Replace(' ', '.')}.{n}@example.es";
        var userId = $"user-{n}-{Guid.NewGuid():N}";
        return new Actor(userId, email, name ?? $"Person {n}",
            DevelopmentTokens.Issue(SigningKey, userId, email, name ?? $"Person {n}", platformRole, null, Lifetime));
    }

    public static Actor Reviewer() => Person("Rita Reviewer", "reviewer");
    public static Actor Operator() => Person("Oscar Operator", "operator");
    public static Actor Auditor() => Person("Aud Auditor", "auditor");

    public static Actor Service(params string[] scopes)
    {
        var id = $"service-{Interlocked.Increment(ref _next)}";
        return new Actor(id, "", id, DevelopmentTokens.Issue(SigningKey, id, null, null, null, scopes, Lifetime));
    }

    /// <summary>Same person, other email: for "the invitation is not yours".</summary>
    public Actor WithEmail(string email) =>
        this with { Email = email, Token = DevelopmentTokens.Issue(SigningKey, UserId, email, Name, null, null, Lifetime) };
}
