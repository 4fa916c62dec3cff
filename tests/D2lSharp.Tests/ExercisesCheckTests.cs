using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using D2lSharp.Exercises;
using Microsoft.Data.Analysis;
using static TorchSharp.torch;
using Xunit.Abstractions;

namespace D2lSharp.Tests;

/// <summary>
/// The checkers' building blocks (<see cref="Check"/>), and the rule that no checker throws or ends the session.
/// Every checker of every <c>D2lSharp.Exercises.NotebookNN</c> class, found by reflection, gets hostile input for each of its
/// parameters — nulls, tensors of the wrong shape, dtype or values, disposed tensors, functions that throw or return rubbish,
/// NaN and ±∞ — and must answer with feedback: no exception, and not the guard's last-resort message either (that would mean the
/// checker left the case to the guard instead of handling it). A checker added later is covered without a change here; a parameter
/// type this test has no hostile values for fails the test until it gets some. A checker that called an unwrapped matmul on such
/// input would end the test process, which fails the run too.
/// </summary>
public class ExercisesCheckTests(ITestOutputHelper output)
{
    static readonly Regex NotebookClass = new(@"^Notebook\d\d$");

    /// <summary>Every public static method returning Feedback of every NotebookNN class in D2lSharp.Exercises.</summary>
    static List<MethodInfo> CheckerMethods() => typeof(Check).Assembly.GetTypes()
        .Where(t => t.Namespace == "D2lSharp.Exercises" && NotebookClass.IsMatch(t.Name))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(Feedback)).OrderBy(m => m.Name))
        .ToList();

    public static TheoryData<string> Checkers()
    {
        var data = new TheoryData<string>();
        foreach (var m in CheckerMethods()) data.Add($"{m.DeclaringType!.Name}.{m.Name}");
        return data;
    }

    [Fact]
    public void Discovery_finds_the_checkers_of_all_13_notebooks()
    {
        var byNotebook = CheckerMethods().GroupBy(m => m.DeclaringType!.Name).ToList();
        Assert.Equal(13, byNotebook.Count);
        Assert.All(byNotebook, g => Assert.True(g.Count() >= 4, $"{g.Key} has only {g.Count()} checkers"));
    }

    [Theory, MemberData(nameof(Checkers))]
    public void Checker_answers_hostile_input_with_feedback(string name)
    {
        var method = CheckerMethods().Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == name);
        var pools = method.GetParameters().Select(p => Hostile(p.ParameterType)).ToList();
        var failures = new List<string>();
        long calls = 0;
        foreach (var combination in Combinations(pools))
        {
            calls++;
            object?[] args = combination.Select(v => v.Make()).ToArray();
            string label = string.Join(", ", combination.Select(v => v.Name));
            Feedback? feedback = null;
            try
            {
                feedback = (Feedback?)method.Invoke(null, args);
            }
            catch (TargetInvocationException e)
            {
                failures.Add($"({label}) threw {e.InnerException!.GetType().Name}: {e.InnerException.Message.Split('\n')[0]}");
                continue;
            }
            if (feedback is null || string.IsNullOrWhiteSpace(feedback.Message))
                failures.Add($"({label}) gave no feedback");
            else if (feedback.Message.StartsWith(Check.GuardMessage, StringComparison.Ordinal))
                failures.Add($"({label}) was left to the guard: {feedback.Message}");
            else if (args.All(a => a is null) && feedback.Correct is not null)
                failures.Add($"({label}) is not pending when every argument is null: {feedback}");
        }
        output.WriteLine($"{name}: {calls} calls");
        Assert.True(calls > 0);
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} of {calls} calls failed:\n" + string.Join("\n", failures.Take(25)));
    }

    /// <summary>A named way to make a hostile value; made afresh for each call, since a checker may dispose what it is given.</summary>
    sealed record Value(string Name, Func<object?> Make);

    static Value V(string name, Func<object?> make) => new(name, make);

    /// <summary>Every combination of one value per parameter (the pools are small enough for the full product).</summary>
    static IEnumerable<Value[]> Combinations(List<List<Value>> pools)
    {
        IEnumerable<Value[]> result = [[]];
        foreach (var pool in pools)
            result = result.SelectMany(prefix => pool.Select(v => prefix.Append(v).ToArray()));
        return result;
    }

    /// <summary>The hostile values for a parameter (or return) type; a type without any fails the test, naming the type.</summary>
    static List<Value> Hostile(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return [V("null", () => null), .. Hostile(underlying)];
        if (type == typeof(double))
            return [V("NaN", () => double.NaN), V("+∞", () => double.PositiveInfinity), V("−∞", () => double.NegativeInfinity),
                    V("−1.5", () => -1.5), V("0", () => 0.0), V("−0", () => -0.0), V("1e300", () => 1e300), V("ε", () => double.Epsilon)];
        if (type == typeof(long))
            return [V("−1L", () => -1L), V("0L", () => 0L), V("long.Max", () => long.MaxValue), V("long.Min", () => long.MinValue)];
        if (type == typeof(int))
            return [V("−1", () => -1), V("0", () => 0), V("int.Max", () => int.MaxValue), V("int.Min", () => int.MinValue)];
        if (type == typeof(char))
            return [V("'\\0'", () => '\0'), V("'?'", () => '?'), V("'Z'", () => 'Z'), V("'é'", () => 'é'), V("lone surrogate", () => '\uD83D')];
        if (type == typeof(bool))
            return [V("true", () => true), V("false", () => false)];
        if (type == typeof(string))
            return [V("null", () => null), V("\"\"", () => ""), V("spaces", () => "   "), V("\"\\0\"", () => "\0"), V("\"zzz\"", () => "zzz"),
                    V("10k chars", () => new string('x', 10_000)), V("\"A, B; c\"", () => "A, B; c"), V("emoji", () => "🙂"), V("\"1\"", () => "1"),
                    V("\"验证\"", () => "验证"), V("\"test or validation\"", () => "test or validation")];
        if (type == typeof(long[]))
            return [V("null", () => null), V("[]", () => Array.Empty<long>()), V("[−1]", () => new long[] { -1 }), V("[0 ×10]", () => new long[10]),
                    V("[max, min]", () => new[] { long.MaxValue, long.MinValue })];
        if (type == typeof(string[]))
            return [V("null", () => null), V("[]", () => Array.Empty<string>()), V("[null]", () => new string?[] { null }),
                    V("5 labels", () => new[] { "a", "b", "c", "d", "e" }), V("3 empty", () => new[] { "", "", "" }), V("3 nulls", () => new string?[3])];
        if (type == typeof(int[][]))
            return [V("null", () => null), V("[]", () => Array.Empty<int[]>()), V("[null]", () => new int[]?[] { null }),
                    V("[[−1]]", () => new[] { new[] { -1 } }), V("[[0, 0]]", () => new[] { new[] { 0, 0 } }), V("[[int.Max]]", () => new[] { new[] { int.MaxValue } })];
        if (type == typeof(DataFrame))
            return [V("null", () => null), V("empty DataFrame", () => new DataFrame()),
                    V("4 empty strings", () => new DataFrame(new StringDataFrameColumn("x", 4))),
                    V("NumRooms/Price all missing", () => new DataFrame(new DoubleDataFrameColumn("NumRooms", 4), new DoubleDataFrameColumn("Price", 4)))];
        if (type == typeof(Tensor)) return HostileTensors();
        if (type.IsGenericType && type.FullName!.StartsWith("System.Func`", StringComparison.Ordinal)) return HostileFunctions(type);
        throw new InvalidOperationException($"no hostile values for the parameter type {type}: add some to {nameof(ExercisesCheckTests)}.{nameof(Hostile)}");
    }

    static List<Value> HostileTensors() =>
    [
        V("null", () => null),
        V("scalar", () => tensor(1.5f)),
        V("1-d float32 (5)", () => arange(5, dtype: ScalarType.Float32)),
        V("2-d float32 (2, 7)", () => ones(2, 7)),
        V("int64 (3, 2)", () => arange(6, dtype: ScalarType.Int64).reshape(3, 2)),
        V("float64 (4, 2), exX-like", () => tensor(new double[,] { { 1, 2 }, { 2, 0 }, { 0, 1 }, { 3, 1 } })),
        V("float64 (4), exY-like", () => tensor(new double[] { 3, 5, 1, 8 })),
        V("float64 (4, 2) of rank 1", () => ones(4, 2, dtype: ScalarType.Float64)),
        V("float64 (1, 1)", () => full(1, 1, 0.5, dtype: ScalarType.Float64)),
        V("with NaN (3)", () => tensor(new[] { 1f, float.NaN, 2f })),
        V("with ∞ (2, 2)", () => tensor(new[] { 1f, float.PositiveInfinity, 2f, float.NegativeInfinity }).reshape(2, 2)),
        V("bool (2, 2)", () => ones(2, 2, dtype: ScalarType.Bool)),
        V("empty (0)", () => zeros(0)),
        V("empty (0, 3)", () => zeros(0, 3)),
        V("requires_grad (3)", () => ones(3).requires_grad_()),
        V("3-d (2, 2, 2)", () => zeros(2, 2, 2)),
        V("complex64 (3)", () => zeros(3, dtype: ScalarType.ComplexFloat32)),
        V("float16 (3)", () => ones(3, dtype: ScalarType.Float16)),
        V("int32 (2)", () => ones(2, dtype: ScalarType.Int32)),
        V("disposed", () => { var t = ones(3); t.Dispose(); return t; }),
    ];

    /// <summary>
    /// Learner functions of the delegate's type: one that throws, one per hostile value of its return type, and for tensor
    /// functions some slips a learner could make (return an input unchanged, its sum, a matrix product of the inputs, a wrong shape).
    /// </summary>
    static List<Value> HostileFunctions(Type funcType)
    {
        var invoke = funcType.GetMethod("Invoke")!;
        var returnType = invoke.ReturnType;
        var parameterTypes = invoke.GetParameters().Select(p => p.ParameterType).ToArray();
        var functions = new List<Value>
        {
            V("null function", () => null),
            V("throws", () => Make(funcType, _ => throw new InvalidOperationException("hostile function"))),
        };
        foreach (var value in Hostile(returnType))
            if (value.Name != "null" || !returnType.IsValueType)
                functions.Add(V($"returns {value.Name}", () => Make(funcType, _ => value.Make())));
        if (returnType == typeof(Tensor))
        {
            int[] tensorArgs = Enumerable.Range(0, parameterTypes.Length).Where(i => parameterTypes[i] == typeof(Tensor)).ToArray();
            if (tensorArgs.Length >= 1)
            {
                int first = tensorArgs[0];
                functions.Add(V("returns its input", () => Make(funcType, args => args[first])));
                functions.Add(V("returns its input's sum", () => Make(funcType, args => ((Tensor)args[first]!).sum())));
                functions.Add(V("returns its input as int64", () => Make(funcType, args => ((Tensor)args[first]!).to_type(ScalarType.Int64))));
                functions.Add(V("returns its input as float32", () => Make(funcType, args => ((Tensor)args[first]!).to_type(ScalarType.Float32))));
                functions.Add(V("returns a (2, 3, 7) tensor", () => Make(funcType, _ => ones(2, 3, 7))));
                functions.Add(V("disposes its input", () => Make(funcType, args => { var t = (Tensor)args[first]!; t.Dispose(); return t; })));
                int second = tensorArgs.Length >= 2 ? tensorArgs[1] : first;
                // A learner's matmul slip: the checker must only call this where the product is shape-valid, or the test process ends.
                functions.Add(V("matmul of its inputs", () => Make(funcType, args => ((Tensor)args[first]!).matmul((Tensor)args[second]!))));
                functions.Add(V("mm of its inputs", () => Make(funcType, args => ((Tensor)args[first]!).mm((Tensor)args[second]!))));
            }
        }
        return functions;
    }

    /// <summary>A delegate of <paramref name="funcType"/> whose body is <paramref name="body"/> applied to its arguments.</summary>
    static Delegate Make(Type funcType, Func<object?[], object?> body)
    {
        var invoke = funcType.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        var args = Expression.NewArrayInit(typeof(object), parameters.Select(p => Expression.Convert(p, typeof(object))));
        var call = Expression.Invoke(Expression.Constant(body), args);
        return Expression.Lambda(funcType, Expression.Convert(call, invoke.ReturnType), parameters).Compile();
    }

    [Fact]
    public void The_guard_turns_an_exception_into_feedback_and_names_a_disposed_tensor()
    {
        var threw = Check.Guard(() => throw new InvalidOperationException("deep inside\nstack trace"));
        Assert.False(threw.Correct);
        Assert.StartsWith(Check.GuardMessage, threw.Message);
        Assert.Contains("InvalidOperationException: deep inside", threw.Message);
        Assert.DoesNotContain("stack trace", threw.Message);
        var t = ones(2);
        t.Dispose();
        var disposed = Check.Guard(() => Check.Right(t.shape.Length.ToString()));
        Assert.False(disposed.Correct);
        Assert.Equal(Check.DisposedMessage, disposed.Message);
    }

    /// <summary>
    /// The calls that end the process instead of throwing (design.md §8b) appear nowhere in the checkers' code (string literals and
    /// comments aside): a guard cannot catch them, so no checker may make them, on a learner's data or its own.
    /// </summary>
    [Fact]
    public void No_checker_calls_a_function_that_aborts_the_process()
    {
        string folder = Path.Combine(CourseFiles.Repository.Root(), "src", "D2lSharp", "Exercises");
        var forbidden = new Regex(@"\bmatmul\s*\(|\bcummax\b|\bcummin\b|autograd\s*\.\s*grad\s*\(|set_num_threads");
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string code = Regex.Replace(lines[i], "\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");   // string literals out
                int comment = code.IndexOf("//", StringComparison.Ordinal);
                if (comment >= 0) code = code[..comment];
                if (forbidden.IsMatch(code)) found.Add($"{Path.GetFileName(file)}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.True(Directory.GetFiles(folder, "*.cs").Length >= 14);
        Assert.True(found.Count == 0, "process-ending calls in checkers:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData(0.039, 2)]
    [InlineData(9.5e-7, 2)]
    [InlineData(1.25, 3)]
    [InlineData(1000.0, 1)]
    [InlineData(0.0393, 3)]
    [InlineData(12.0, 2)]
    [InlineData(-4.2475, 5)]
    public void Significant_digits_are_those_a_learner_typed(double value, int digits) =>
        Assert.Equal(digits, Check.SignificantDigits(value));

    [Fact]
    public void A_rounding_counts_only_to_the_digits_it_shows_and_at_least_the_minimum()
    {
        double xavier = Math.Sqrt(2.0 / 1296);              // 0.0392837…
        Assert.True(Check.IsRounding(0.039, xavier, 2));     // rounded
        Assert.True(Check.IsRounding(0.0392, xavier, 2));    // cut off
        Assert.False(Check.IsRounding(0.04, xavier, 2));     // read as 0.040, which is not 0.0393 to two digits
        Assert.True(Check.IsRounding(0.04, xavier, 1));      // but is to one
        Assert.False(Check.IsRounding(0.038, xavier, 2));
        // An exact decimal cut off is itself, not one unit less (float slack once let 1.24 pass for 1.25, and 0.6 for 0.7).
        Assert.True(Check.IsRounding(1.25, 1.25, 3));
        Assert.False(Check.IsRounding(1.24, 1.25, 3));
        Assert.False(Check.IsRounding(0.6, 0.7, 1));
        Assert.True(Check.IsRounding(0.3, 1.0 / 3, 1));
        Assert.False(Check.IsRounding(0.0394, xavier, 2));   // rounded up too far at three digits
        Assert.False(Check.IsRounding(-0.039, xavier, 2));
        Assert.True(Check.IsRounding(4.2, 4.2475, 2));
        Assert.False(Check.IsRounding(4.3, 4.2475, 2));      // within one unit, but neither rounded nor cut off
        Assert.False(Check.IsRounding(1e-6, Math.Pow(0.25, 10), 2));   // 1.0e-6 is not 9.5e-7 at two digits
        Assert.True(Check.IsRounding(9.5e-7, Math.Pow(0.25, 10), 2));
        Assert.False(Check.IsRounding(1.6, 1.5, 2));         // a neighbour of an exact value is not a rounding of it
        Assert.False(Check.IsRounding(double.NaN, 1, 1));
    }

    [Fact]
    public void Number_accepts_a_rounding_only_where_the_checker_allows_one_and_says_why_a_close_one_is_wrong()
    {
        Assert.True(Check.Number(0.039, Math.Sqrt(2.0 / 1296), "σ", tolerance: 1e-6, digits: 2).Correct);
        var exactAsked = Check.Number(0.039, Math.Sqrt(2.0 / 1296), "σ", tolerance: 1e-6, hint: "think");
        Assert.False(exactAsked.Correct);
        Assert.Contains("computed in code", exactAsked.Message);
        Assert.DoesNotContain("Hint", exactAsked.Message);                  // the method was right: no hint about it
        var coarse = Check.Number(4.2, 4.2475, "Var", tolerance: 1e-4, hint: "think", digits: 3);
        Assert.False(coarse.Correct);
        Assert.Contains("at least 3 significant digits", coarse.Message);
        var misrounded = Check.Number(4.23, 4.2475, "Var", tolerance: 1e-4, hint: "think", digits: 3);
        Assert.False(misrounded.Correct);
        Assert.Contains("round only at the end", misrounded.Message);
        var far = Check.Number(3.0, 4.2475, "Var", tolerance: 1e-4, hint: "think", digits: 3);
        Assert.False(far.Correct);
        Assert.Contains("Hint: think.", far.Message);
        var nan = Check.Number(double.NaN, 1, "x");
        Assert.False(nan.Correct);
        Assert.Contains("NaN", nan.Message);
        Assert.False(Check.Number(double.NegativeInfinity, 1, "x").Correct);
        Assert.Null(Check.Number(null, 1, "x").Correct);
    }

    [Fact]
    public void Tensor_names_nan_a_disposed_tensor_and_a_complex_one_instead_of_comparing_values()
    {
        var expected = tensor(new[] { 1.0, 2.0, 3.0 });
        var nan = Check.Tensor(tensor(new[] { 1.0, double.NaN, 3.0 }), expected, "v");
        Assert.False(nan.Correct);
        Assert.Contains("NaN", nan.Message);
        Assert.Contains("1 of its 3", nan.Message);
        var disposed = tensor(new[] { 1.0, 2.0, 3.0 });
        disposed.Dispose();
        Assert.Equal(Check.DisposedMessage, Check.Tensor(disposed, expected, "v").Message);
        var complex = Check.Tensor(zeros(3, dtype: ScalarType.ComplexFloat32), expected, "v");
        Assert.False(complex.Correct);
        Assert.Contains("complex64", complex.Message);
        Assert.True(Check.Tensor(tensor(new long[] { 1, 2, 3 }), expected, "v").Correct);   // int64 values compare as numbers
    }
}
