using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;

namespace Holded.Partners.Kernel;

/// <summary>Tells Wolverine to find a module's handlers and endpoints: without it, a class library's routes all 404.</summary>
public sealed class ModuleDiscovery(Assembly module) : IWolverineExtension
{
    public Assembly Module { get; } = module;

    public void Configure(WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(Module);
        // In-transaction consequences are heard again from a queue of their own (MultipleHandlerBehavior.Separated names
        // it after the class), one message at a time: they update the same few documents, and meet in turn rather than
        // conflict (see InSendersTransactionAttribute).
        foreach (var handler in Module.GetTypes().Where(t => t.GetCustomAttribute<InSendersTransactionAttribute>() is not null))
        {
            options.Discovery.IncludeType(handler);
            options.LocalQueue(handler.FullName!.ToLowerInvariant()).Sequential();
        }
    }
}

public static class Modules
{
    /// <summary>A module's handlers, endpoints and in-transaction consequences, found in its assembly.</summary>
    public static IServiceCollection AddModuleDiscovery(this IServiceCollection services, Assembly module)
    {
        services.AddSingleton<IWolverineExtension>(new ModuleDiscovery(module));
        services.TryAddSingleton(provider => new Consequences(
            provider.GetServices<IWolverineExtension>().OfType<ModuleDiscovery>().Select(d => d.Module)));
        return services;
    }
}
