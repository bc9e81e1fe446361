using Holded.Partners.Host.Infrastructure;
using JasperFx.CommandLine;

namespace Holded.Partners.Host.Commands;

public class TokenInput
{
    [Description("Email of the demo identity (people); omit for a service token")]
    public string EmailFlag { get; set; } = "";

    [Description("Display name")]
    public string NameFlag { get; set; } = "";

    [Description("Subject (user id); defaults to a stable id derived from --email, or the service name")]
    public string SubFlag { get; set; } = "";

    [Description("Platform role: reviewer, operator or auditor")]
    public string PlatformRoleFlag { get; set; } = "";

    [Description("Service scopes, e.g. partners.billing (repeat the flag)")]
    public string[] ScopeFlag { get; set; } = [];

    [Description("Lifetime in hours")]
    public int HoursFlag { get; set; } = 12;
}

[Description("Prints a development bearer token for a demo identity (signed with Auth:DevelopmentSigningKey)", Name = "token")]
public class TokenCommand : JasperFxCommand<TokenInput>
{
    public override bool Execute(TokenInput input)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Development";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var key = configuration["Auth:DevelopmentSigningKey"];
        if (string.IsNullOrEmpty(key))
        {
            Console.Error.WriteLine("Auth:DevelopmentSigningKey is not configured: development tokens exist only outside production.");
            return false;
        }
        if (input.EmailFlag.Length == 0 && input.SubFlag.Length == 0)
        {
            Console.Error.WriteLine("Give --email for a person, or --sub (with --scope) for a service.");
            return false;
        }
        var subject = input.SubFlag.Length > 0 ? input.SubFlag : DevelopmentTokens.SubjectFor(input.EmailFlag);
        // A service's token names it as its client: --sub erp-billing is the client erp-billing (see Auth:ServiceClients).
        Console.WriteLine(DevelopmentTokens.Issue(key, subject, input.EmailFlag, input.NameFlag.Length > 0 ? input.NameFlag : input.EmailFlag,
            input.PlatformRoleFlag, input.ScopeFlag, TimeSpan.FromHours(input.HoursFlag),
            clientId: input.EmailFlag.Length == 0 ? subject : null));
        return true;
    }
}
