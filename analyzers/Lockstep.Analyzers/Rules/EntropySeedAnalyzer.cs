using Lockstep.Analyzers.Flow;
using Lockstep.Analyzers.Options;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>
/// LS1004: a seed computed from the clock or entropy (<c>DateTime.Now</c>, <c>Environment.TickCount</c>,
/// <c>Guid.NewGuid()</c>, <c>Stopwatch.GetTimestamp()</c>, a hash code …) passed to a seed parameter or stored in
/// a seed property (names from <c>lockstep.seed_parameter_names</c>; <c>Random(int Seed)</c>, <c>MLContext(seed)</c>,
/// <c>torch.manual_seed(seed)</c> and trainer options' <c>Seed</c> among them).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EntropySeedAnalyzer : TrainingCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EntropySeed);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        var sources = EntropySources.From(context.Compilation);
        var options = new LockstepOptions.Reader(context.Options);

        context.RegisterOperationAction(
            operation =>
            {
                var argument = (IArgumentOperation)operation.Operation;
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter
                    && options.For(argument.Syntax.SyntaxTree).SeedParameterNames.Contains(parameter.Name))
                {
                    Check(operation, argument.Value, sources);
                }
            },
            OperationKind.Argument);

        context.RegisterOperationAction(
            operation =>
            {
                var assignment = (ISimpleAssignmentOperation)operation.Operation;
                var member = assignment.Target switch
                {
                    IPropertyReferenceOperation property => property.Property.Name,
                    IFieldReferenceOperation field => field.Field.Name,
                    _ => null,
                };
                if (member is not null && options.For(assignment.Syntax.SyntaxTree).SeedParameterNames.Contains(member))
                {
                    Check(operation, assignment.Value, sources);
                }
            },
            OperationKind.SimpleAssignment);
    }

    private static void Check(OperationAnalysisContext context, IOperation value, EntropySources sources)
    {
        if (ValueOrigins.Find(value, sources.IsSource, followInstances: true) is { } source)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.EntropySeed, value.WithoutImplicitConversions().Syntax.GetLocation(), sources.Name(source)));
        }
    }

    /// <summary>The clock and entropy members, resolved from the compilation.</summary>
    private sealed class EntropySources
    {
        private readonly ImmutableHashSet<ISymbol> members;
        private readonly IMethodSymbol? objectGetHashCode;

        private EntropySources(ImmutableHashSet<ISymbol> members, IMethodSymbol? objectGetHashCode)
        {
            this.members = members;
            this.objectGetHashCode = objectGetHashCode;
        }

        public static EntropySources From(Compilation compilation)
        {
            var builder = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            void Add(string type, params string[] names)
            {
                if (compilation.GetTypeByMetadataName(type) is { } symbol)
                {
                    foreach (var name in names)
                    {
                        builder.UnionWith(symbol.GetMembers(name));
                    }
                }
            }

            Add("System.DateTime", "Now", "UtcNow", "Today");
            Add("System.DateTimeOffset", "Now", "UtcNow");
            Add("System.Environment", "TickCount", "TickCount64", "ProcessId");
            Add("System.Guid", "NewGuid", "CreateVersion7");
            Add("System.Diagnostics.Stopwatch", "GetTimestamp");
            Add("System.HashCode", "Combine", "ToHashCode");
            Add("System.Random", "Shared");
            Add("System.Security.Cryptography.RandomNumberGenerator", "GetInt32", "GetBytes", "Fill");
            var objectGetHashCode = compilation.GetSpecialType(SpecialType.System_Object).GetMembers("GetHashCode").OfType<IMethodSymbol>().FirstOrDefault();
            return new EntropySources(builder.ToImmutable(), objectGetHashCode);
        }

        public bool IsSource(IOperation operation) => Symbol(operation) is not null;

        public string Name(IOperation operation)
        {
            var symbol = Symbol(operation)!;
            var text = symbol.ContainingType.Name + "." + symbol.Name;
            return symbol is IMethodSymbol ? text + "()" : text;
        }

        private ISymbol? Symbol(IOperation operation)
        {
            ISymbol? symbol = operation switch
            {
                IPropertyReferenceOperation property => property.Property.OriginalDefinition,
                IInvocationOperation invocation => invocation.TargetMethod.OriginalDefinition,
                _ => null,
            };
            if (symbol is null)
            {
                return null;
            }

            if (members.Contains(symbol) || (symbol is IMethodSymbol method && IsGetHashCode(method)))
            {
                return symbol;
            }

            return null;
        }

        private bool IsGetHashCode(IMethodSymbol method)
        {
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(current, objectGetHashCode))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
