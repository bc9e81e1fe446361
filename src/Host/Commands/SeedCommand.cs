using Holded.Partners.Host.Demo;
using JasperFx.CommandLine;

namespace Holded.Partners.Host.Commands;

[Description("Loads the demo data set through the API (starts the host on its configured URLs, seeds, stops). Not in production.", Name = "seed")]
public class SeedCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var seed = host.Services.GetRequiredService<DemoSeed>();
        seed.Mode = "always";
        await host.StartAsync();
        try
        {
            await seed.Completion;
            return true;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Demo data could not be loaded: {e.Message}");
            return false;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
