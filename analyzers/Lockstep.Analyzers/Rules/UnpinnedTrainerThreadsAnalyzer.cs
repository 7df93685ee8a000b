using Lockstep.Analyzers.Flow;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>
/// LS3004: trainer options that leave threads or determinism unpinned — LightGBM options without
/// <c>Deterministic = true</c> and a <c>Seed</c>, FastTree and SDCA options without <c>NumberOfThreads</c> — set in
/// the object initializer or later on the same local; and the trainers' short overloads, which take no options.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnpinnedTrainerThreadsAnalyzer : TrainingCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnpinnedTrainerThreads);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var families = new[]
        {
            TrainerFamily.Resolve(compilation, "Microsoft.ML.Trainers.LightGbm.LightGbmTrainerBase`4", "Microsoft.ML.Trainers.LightGbm.LightGbmTrainerBase`4+OptionsBase", "Deterministic", "Seed"),
            TrainerFamily.Resolve(compilation, "Microsoft.ML.Trainers.FastTree.FastTreeTrainerBase`3", "Microsoft.ML.Trainers.FastTree.TreeOptions", "NumberOfThreads"),
            TrainerFamily.Resolve(compilation, "Microsoft.ML.Trainers.SdcaTrainerBase`3", "Microsoft.ML.Trainers.SdcaTrainerBase`3+OptionsBase", "NumberOfThreads"),
        }.Where(family => family is not null).Select(family => family!).ToImmutableArray();
        if (families.IsEmpty)
        {
            return;
        }

        var stream = compilation.GetTypeByMetadataName("System.IO.Stream");

        context.RegisterOperationAction(
            operation =>
            {
                var creation = (IObjectCreationOperation)operation.Operation;
                foreach (var family in families)
                {
                    if (creation.Type.DerivesFrom(family.Options) && family.Unset(creation) is { Length: > 0 } unset)
                    {
                        var name = creation.Type!.ContainingType is { } outer ? outer.Name + "." + creation.Type.Name : creation.Type.Name;
                        operation.ReportDiagnostic(Diagnostic.Create(Descriptors.UnpinnedTrainerThreads, creation.Syntax.GetLocation(), name, unset));
                    }
                }
            },
            OperationKind.ObjectCreation);

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                var method = invocation.TargetMethod;
                foreach (var family in families)
                {
                    // The short overload builds default options; the one taking a Stream loads a trained model.
                    if (method.ReturnType.DerivesFrom(family.Trainer)
                        && !method.Parameters.Any(parameter => parameter.Type.DerivesFrom(family.Options) || parameter.Type.DerivesFrom(stream)))
                    {
                        operation.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.UnpinnedTrainerThreads, invocation.Syntax.GetLocation(), method.Name, TrainerFamily.Describe(family.Required.Select(member => member.Name))));
                    }
                }
            },
            OperationKind.Invocation);
    }

    private sealed class TrainerFamily
    {
        private TrainerFamily(INamedTypeSymbol trainer, INamedTypeSymbol options, ImmutableArray<ISymbol> required)
        {
            Trainer = trainer;
            Options = options;
            Required = required;
        }

        public INamedTypeSymbol Trainer { get; }

        public INamedTypeSymbol Options { get; }

        public ImmutableArray<ISymbol> Required { get; }

        public static TrainerFamily? Resolve(Compilation compilation, string trainer, string options, params string[] required)
        {
            var trainerType = compilation.GetTypeByMetadataName(trainer);
            var optionsType = compilation.GetTypeByMetadataName(options);
            if (trainerType is null || optionsType is null)
            {
                return null;
            }

            var members = required.Select(name => SymbolSets.Member(optionsType, name)).ToList();
            return members.Any(member => member is null) ? null : new TrainerFamily(trainerType, optionsType, members.ToImmutableArray()!);
        }

        /// <summary>The required members the options leave unset (a boolean set to anything but true counts as unset), as text.</summary>
        public string Unset(IObjectCreationOperation creation)
        {
            var set = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var assignment in Assignments(creation))
            {
                if (MemberOf(assignment.Target) is { } member && IsPinning(assignment.Value))
                {
                    set.Add(member.OriginalDefinition);
                }
            }

            return Describe(Required.Where(member => !set.Contains(member)).Select(member => member.Name));
        }

        public static string Describe(IEnumerable<string> names) => string.Join(" and ", names);

        private static IEnumerable<ISimpleAssignmentOperation> Assignments(IObjectCreationOperation creation)
        {
            if (creation.Initializer is { } initializer)
            {
                foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                {
                    yield return assignment;
                }
            }

            // options.NumberOfThreads = 1; after var options = new …Options();
            if (AssignedLocal(creation) is { } local)
            {
                foreach (var assignment in creation.Root().Descendants().OfType<ISimpleAssignmentOperation>())
                {
                    if (assignment.Target is IMemberReferenceOperation { Instance: ILocalReferenceOperation reference }
                        && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        yield return assignment;
                    }
                }
            }
        }

        private static ILocalSymbol? AssignedLocal(IOperation creation)
        {
            var operation = creation;
            while (operation.Parent is IConversionOperation or IVariableInitializerOperation)
            {
                operation = operation.Parent;
            }

            return operation.Parent is IVariableDeclaratorOperation declarator ? declarator.Symbol : null;
        }

        private static ISymbol? MemberOf(IOperation target) => target switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

        private static bool IsPinning(IOperation value)
        {
            var constant = value.WithoutConversions().ConstantValue;
            return !constant.HasValue || (constant.Value is not null && constant.Value is not false);
        }
    }
}
