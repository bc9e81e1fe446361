using JasperFx.CodeGeneration;
using Wolverine;

namespace Holded.Partners.Host.Infrastructure;

public static class Messaging
{
    public static void AddPartnersMessaging(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(o =>
        {
            o.Policies.AutoApplyTransactions();
            // Every local queue is durable: a message between modules survives a crash.
            o.Policies.UseDurableLocalQueues();

            // Development and tests compile handlers at start; production ships pre-generated code.
            if (builder.Configuration.GetValue("Wolverine:StaticCode", false))
                o.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
            else
                o.UseRuntimeCompilation();
        });
    }
}
