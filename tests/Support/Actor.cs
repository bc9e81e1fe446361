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

    /// <summary>The ERP's client id, which the test hosts list in Auth:ServiceClients.</summary>
    public const string ServiceClient = "erp";

    public static Actor Service(params string[] scopes)
    {
        var id = $"service-{Interlocked.Increment(ref _next)}";
        return new Actor(id, "", id, DevelopmentTokens.Issue(SigningKey, id, null, null, null, scopes, Lifetime, clientId: ServiceClient));
    }

    /// <summary>A token with scopes from a client this system does not know as a service.</summary>
    public static Actor UnknownClient(string client, params string[] scopes)
    {
        var id = $"service-{Interlocked.Increment(ref _next)}";
        return new Actor(id, "", id, DevelopmentTokens.Issue(SigningKey, id, null, null, null, scopes, Lifetime, clientId: client));
    }

    /// <summary>A token from an unknown client that claims by itself to be a service, as only the host may mark one.</summary>
    public static Actor ClaimingToBeAService(params string[] scopes)
    {
        var id = $"service-{Interlocked.Increment(ref _next)}";
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = Identity.DevelopmentIssuer,
            Audience = Identity.DevelopmentAudience,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = id, ["scope"] = string.Join(' ', scopes), ["client_id"] = "someone-else", [Kernel.Caller.ServiceClaim] = "true",
            },
            Expires = DateTime.UtcNow.Add(Lifetime),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(Identity.SigningKey(SigningKey), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
        return new Actor(id, "", id, token);
    }

    /// <summary>A person's token without an email, carrying a machine's scope: neither a person nor a service here.</summary>
    public static Actor PersonWithoutEmail(params string[] scopes)
    {
        var id = $"user-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}";
        return new Actor(id, "", id, DevelopmentTokens.Issue(SigningKey, id, null, "No Email", null, scopes, Lifetime));
    }

    /// <summary>The same person with a service scope in their token, which must not count.</summary>
    public static Actor PersonWithScope(Actor person, string scope) => person with
    {
        Token = DevelopmentTokens.Issue(SigningKey, person.UserId, person.Email, person.Name, null, [scope], Lifetime),
    };

    /// <summary>The same person, but their identity provider has not verified the email.</summary>
    public Actor Unverified() =>
        this with { Token = DevelopmentTokens.Issue(SigningKey, UserId, Email, Name, null, null, Lifetime, emailVerified: false) };

    /// <summary>A token with any claims at all, for identities no real provider should issue.</summary>
    public static Actor Raw(string subject, string? email, string? platformRole) =>
        new(subject, email ?? "", subject, DevelopmentTokens.Issue(SigningKey, subject, email, subject, platformRole, null, Lifetime));

    /// <summary>Same person, other email: for "the invitation is not yours".</summary>
    public Actor WithEmail(string email) =>
        this with { Email = email, Token = DevelopmentTokens.Issue(SigningKey, UserId, email, Name, null, null, Lifetime) };
}
