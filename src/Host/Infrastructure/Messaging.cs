using JasperFx.CodeGeneration;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Holded.Partners.Host.Infrastructure;

public static class Messaging
{
    public static void AddPartnersMessaging(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(o =>
        {
            o.Policies.AutoApplyTransactions();
            // Each module's handler of a message is its own chain on its own durable queue: one module's failure
            // or retry never re-runs another's.
            o.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            // Two messages updating one document at once: the loser retries on fresh state.
            o.OnException<JasperFx.ConcurrencyException>().Or(Kernel.StreamCollisions.Is).RetryWithCooldown(
                    TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1))
                // Handlers are idempotent: a message still conflicting is retried later, durably, not dead-lettered.
                .Then.ScheduleRetry(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10));
            // A passing failure of the database is retried until it passes; only a real fault reaches the dead letters.
            o.RetryTransientFailures();
            // Every local queue is durable: a message between modules survives a crash.
            o.Policies.UseDurableLocalQueues();
            // How fast a dead node's messages are taken over, and the like: Wolverine:Durability:* by configuration.
            builder.Configuration.GetSection("Wolverine:Durability").Bind(o.Durability);

            // Development and tests compile handlers at start; production ships pre-generated code.
            if (builder.UsesStaticCode()) o.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
#if !STATIC_CODE
            else o.UseRuntimeCompilation();
#endif
        });
    }
}

public static class GeneratedCode
{
    /// <summary>Built with -p:StaticCode=true (the image), or told so by Wolverine:StaticCode after `codegen write`.</summary>
    public static bool UsesStaticCode(this WebApplicationBuilder builder) =>
#if STATIC_CODE
        true;
#else
        builder.Configuration.GetValue("Wolverine:StaticCode", false);
#endif
}
