using System.Text;
using Holded.Partners.Access.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Holded.Partners.Access;

/// <summary>Access: the keys and bounds of delegated sessions and of the access memory, checked when the host starts.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>The key (32+ bytes) delegated session tokens are signed with; the ERP validates them with it.</summary>
    public string? SessionSigningKey { get; set; }
    /// <summary>Where the change feed LISTENs, when the main connection goes through a transaction-pooling proxy.</summary>
    public string? ChangeFeedConnection { get; set; }
    public TimeSpan ChangeFeedHeartbeat { get; set; } = FeedSettings.Default.Heartbeat;
    public TimeSpan ChangeFeedStaleAfter { get; set; } = FeedSettings.Default.StaleAfter;
    /// <summary>How long a check asked for an access version this node has not heard yet waits for it before reading the database.</summary>
    public TimeSpan CatchUpWait { get; set; } = FeedSettings.Default.CatchUpWait;
    /// <summary>Refused session attempts recorded per caller and minute (past it, refusals are answered, not recorded).</summary>
    public int RefusedSessionsPerMinute { get; set; } = 10;
    /// <summary>How long one denial of the ERP's checks is counted into one entry of the trail, from its first time.</summary>
    public TimeSpan DenialWindow { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How often a node sends the repeats of denials it counted in memory (what a crash may lose of their count).</summary>
    public TimeSpan DenialFlushEvery { get; set; } = TimeSpan.FromSeconds(1);
}

internal sealed class ValidateAccessOptions(IHostEnvironment environment) : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.SessionSigningKey))
            failures.Add("Access:SessionSigningKey is not configured: the key (32+ bytes) delegated session tokens are signed with.");
        else if (Encoding.UTF8.GetByteCount(options.SessionSigningKey) < 32)
            failures.Add("Access:SessionSigningKey must be at least 32 bytes long.");
        else if (options.SessionSigningKey == DevelopmentIdentities.PublicSessionKey && !environment.IsDevelopment())
            failures.Add($"Access:SessionSigningKey is the public key of appsettings.Development.json, refused in {environment.EnvironmentName}: set a secret of your own.");
        if (options.ChangeFeedConnection is { Length: > 0 } feed && !IsConnectionString(feed))
            failures.Add("Access:ChangeFeedConnection is not a PostgreSQL connection string (Host=…;Database=…;Username=…).");
        if (options.ChangeFeedHeartbeat <= TimeSpan.Zero)
            failures.Add($"Access:ChangeFeedHeartbeat must be positive; it is {options.ChangeFeedHeartbeat}.");
        if (options.ChangeFeedStaleAfter <= options.ChangeFeedHeartbeat)
            failures.Add($"Access:ChangeFeedStaleAfter ({options.ChangeFeedStaleAfter}) must be longer than Access:ChangeFeedHeartbeat ({options.ChangeFeedHeartbeat}).");
        if (options.CatchUpWait < TimeSpan.Zero || options.CatchUpWait > TimeSpan.FromSeconds(5))
            failures.Add($"Access:CatchUpWait must be between 0 and 5 seconds; it is {options.CatchUpWait}.");
        if (options.RefusedSessionsPerMinute < 1)
            failures.Add($"Access:RefusedSessionsPerMinute must be at least 1; it is {options.RefusedSessionsPerMinute}.");
        if (options.DenialWindow < TimeSpan.FromSeconds(1) || options.DenialWindow > TimeSpan.FromHours(24))
            failures.Add($"Access:DenialWindow must be between 1 second and 24 hours; it is {options.DenialWindow}.");
        if (options.DenialFlushEvery < TimeSpan.FromMilliseconds(100) || options.DenialFlushEvery >= options.DenialWindow)
            failures.Add($"Access:DenialFlushEvery must be at least 100 ms and shorter than Access:DenialWindow ({options.DenialWindow}); it is {options.DenialFlushEvery}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsConnectionString(string value)
    {
        try { return new NpgsqlConnectionStringBuilder(value).Host is { Length: > 0 }; }
        catch (ArgumentException) { return false; }
    }
}
