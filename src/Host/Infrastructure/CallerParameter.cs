using System.Reflection;
using System.Runtime.CompilerServices;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using JasperFx.Core.Reflection;
using Holded.Partners.Kernel;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// An endpoint (or its Load/Validate step) says it needs the caller by taking a <see cref="Caller"/>: read once per
/// request from the bearer token's identity, the same instance for every step of the chain.
/// </summary>
public sealed class CallerParameter : IParameterStrategy
{
    private readonly ConditionalWeakTable<HttpChain, Variable> _perChain = new();

    public bool TryMatch(HttpChain chain, IServiceContainer container, ParameterInfo parameter, out Variable? variable)
    {
        variable = parameter.ParameterType == typeof(Caller) ? _perChain.GetValue(chain, _ => new CallerFrame().Caller) : null;
        return variable is not null;
    }

    private sealed class CallerFrame : SyncFrame
    {
        public CallerFrame() => Caller = new Variable(typeof(Caller), "partnersCaller", this);

        public Variable Caller { get; }

        public override void GenerateCode(GeneratedMethod method, ISourceWriter writer)
        {
            writer.Write($"var {Caller.Usage} = {typeof(Caller).FullNameInCode()}.{nameof(Kernel.Caller.From)}(httpContext.User);");
            Next?.GenerateCode(method, writer);
        }
    }
}
