using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// Checking a bearer token's signature costs more than deciding most requests, and the ERP sends one service token
/// thousands of times a minute. A token found valid is remembered by its exact text — the same text cannot have another
/// signature — until it expires, and never more than a few minutes, so a signing key the authority withdraws stops
/// working about as soon as it would anyway. Refusals are never remembered. Each request gets its own copy of the
/// identity, so nothing one request adds to it reaches another.
/// </summary>
public sealed class RememberedTokens(TimeProvider clock) : JsonWebTokenHandler
{
    private const int Capacity = 10_000;
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (TokenValidationResult Result, DateTimeOffset Until)> _valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow();
        if (_valid.TryGetValue(token, out var known) && now < known.Until) return Copy(known.Result);

        var result = await base.ValidateTokenAsync(token, parameters);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            if (_valid.Count >= Capacity) Forget(now);
            var until = new DateTimeOffset(validated.ValidTo, TimeSpan.Zero);
            if (_valid.Count < Capacity) _valid[token] = (result, until < now + MaxAge ? until : now + MaxAge);
            return Copy(result); // the remembered identity itself never leaves
        }
        return result;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (token, known) in _valid)
            if (known.Until <= now) _valid.TryRemove(token, out _);
    }

    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        Issuer = result.Issuer,
        TokenType = result.TokenType,
    };
}
