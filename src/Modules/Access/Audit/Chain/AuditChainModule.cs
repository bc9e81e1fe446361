using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Holded.Partners.Access.Audit.Chain;

/// <summary>The trail's hash chain, its signer and the schedule of its digests.</summary>
internal static class AuditChainModule
{
    public static void AddAuditChain(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, ValidateAuditOptions>();
        // Loaded at start: a node without its key does not come up, rather than failing at its first digest.
        services.AddSingleton(p => AuditSigner.Load(p.GetRequiredService<IOptions<AuditOptions>>().Value, p.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<AuditSealer>();
        services.AddHostedService<AuditDigestSchedule>();
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Add(new AuditChainProjection(), ProjectionLifecycle.Async, AuditChainProjection.ProjectionName, AuditChainProjection.Configure);
            opts.Schema.For<AuditLink>().DatabaseSchemaName(AccessModule.Schema);
            opts.Schema.For<AuditChainHead>().DatabaseSchemaName(AccessModule.Schema);
            // The digests and seals are the sealer's, never a projection's: no rebuild touches them.
            opts.Schema.For<ChainDigest>().DatabaseSchemaName(AccessModule.Schema);
            opts.Schema.For<ChainSeal>().DatabaseSchemaName(AccessModule.Schema);
            opts.Schema.For<PeriodDigest>().DatabaseSchemaName(AccessModule.Schema);
        });
    }
}

internal sealed class ValidateAuditOptions(IHostEnvironment environment) : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.SigningKeyFile) && !environment.IsDevelopment())
            failures.Add("Audit:SigningKeyFile is not configured: the PEM file of the ECDSA P-256 key audit digests are signed with, kept out of the database " +
                "(openssl ecparam -name prime256v1 -genkey -noout -out audit-signing-key.pem).");
        else if (options.SigningKeyFile is { Length: > 0 } file && !File.Exists(file))
            failures.Add($"Audit:SigningKeyFile '{file}' does not exist.");
        foreach (var missing in options.VerificationKeyFiles.Where(f => !File.Exists(f)))
            failures.Add($"Audit:VerificationKeyFiles names '{missing}', which does not exist.");
        if (options.DigestEvery < TimeSpan.FromSeconds(1))
            failures.Add($"Audit:DigestEvery must be at least a second; it is {options.DigestEvery}.");
        if (options.KeepFor is { } keep && keep < TimeSpan.FromDays(1))
            failures.Add($"Audit:KeepFor must be at least a day (or empty: forever); it is {keep}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
