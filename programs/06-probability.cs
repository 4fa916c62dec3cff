// Notebook 06 as a .NET program: notebooks/06-probability.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/06-probability.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/06/
// (open it in any browser, offline). Generated from the notebook by `dotnet run --project src/CoursePrograms`:
// change the notebook, then run that command (a test fails while a program is older than its notebook).
//
// How it is built (the #: lines are directives of `dotnet run`): the course's helper library and the packages the
// notebook loads, at the versions the notebook pins; the usual JIT runtime (file-based apps default to native-AOT
// settings); as in the notebook kernel, no nullable context, only the usings below, and no warnings about unused
// variables (the kernel keeps a cell's variables as fields); package versions written here rather than taken from
// Directory.Packages.props (a test checks that they agree); and packages used from the NuGet cache, as the kernel
// uses them, rather than copied beside each program (TorchSharp's native libraries alone are about 1 GB).
#:property PublishAot=false
#:property Nullable=disable
#:property ImplicitUsings=disable
#:property NoWarn=$(NoWarn);CS0168;CS0219;CS8321
#:property ManagePackageVersionsCentrally=false
#:property CopyLocalLockFileAssemblies=false
#:property GenerateRuntimeConfigDevFile=true
#:project ../src/D2lSharp/D2lSharp.csproj
#:package TorchSharp-cpu@0.107.0
#:package Plotly.NET@6.0.0
#:package Plotly.NET.CSharp@0.14.0
#:package Microsoft.Data.Analysis@0.23.1

// As in the notebook: the usings the kernel gives every cell, then those of src/D2lSharp/Course.csx.
using System;
using System.Text;
using System.Collections;
using System.Collections.Generic;
using System.Threading.Tasks;
using System.Linq;
using static D2lSharp.Display.ProgramDisplay;   // the kernel's display(...) and HTML(...), for a program
using System.Diagnostics;
using System.Globalization;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using D2lSharp;
using D2lSharp.Calculus;
using D2lSharp.Data;
using D2lSharp.Display;
using D2lSharp.Plotting;
using D2lSharp.Training;
using static D2lSharp.Display.TensorFormatter;
using Exercises = D2lSharp.Exercises;

// # 06 — Probability (概率)
//
// This notebook follows the notes' chapter **概率** (probability), which summarises section 2.6 of *Dive into Deep Learning* (d2l-zh). The notes' subsections are, in order: basic probability theory (基本概率论), joint probability (联合概率), Bayes' theorem (贝叶斯定理), expectation (期望) and variance (方差). We follow them one by one, in C# with TorchSharp, and end with d2l's covariance, which the notes leave out.
//
// In this notebook you will:
// - draw samples (样本) from a fair die with `torch.distributions.Multinomial`, and see the relative frequencies settle at 1/6 as the sample grows;
// - name the sample space, events and axioms of probability, tell discrete from continuous random variables, and see why a density can exceed 1;
// - read joint, marginal and conditional probabilities off a 2-D table of counts;
// - derive Bayes' theorem from the multiplication rule, apply it to d2l's HIV-test example, and check the answer by simulating twenty million people;
// - compute the expectation and variance of a die exactly, estimate them by sampling, and watch the estimates tighten as the sample grows;
// - measure how two variables vary together with the covariance (协方差), and collect the covariances of a random vector in its covariance matrix.

display(Course.Setup());

// ## 1. Basic probability theory (基本概率论)
//
// ### Samples, populations and sampling
//
// The notes define a **sample** (样本) as the part of the individuals that we actually observe or survey, and the **population** (总体) as all the individuals we want to learn about; choosing the sample is **sampling** (抽样). The notes gloss 样本 as "specimen". That word exists, but it means one physical item taken for examination (a blood specimen); statisticians and d2l say **sample**, and this notebook does too.
//
// For a die, the population is the idealised, endless sequence of rolls, described completely by six probabilities. A fair die gives each face probability 1/6. Like the notes, we number the faces 0…5, because the outcome is an index into the probability vector:

var fairProbs = torch.ones(6) / 6;   // PyTorch: torch.ones([6]) / 6
display(fairProbs);
display(fairProbs.sum());

// The six entries are 1/6 ≈ 0.1667 and their sum is 1 — the two rules every probability vector obeys (each probability is non-negative; the probabilities of all outcomes add up to 1).
//
// ### Drawing from a fair die with `Multinomial`
//
// `torch.distributions.Multinomial(total_count, probs)` describes `total_count` independent draws from the categories in `probs`; `.sample()` returns how many times each category came up. TorchSharp has it under the same name. With `total_count = 1` a sample is one roll, written as a vector with a single 1 at the face that came up (a "one-hot" vector):

torch.manual_seed(0);   // makes this cell give the same roll every time it is run
display(torch.distributions.Multinomial(1, fairProbs).sample());

// The single 1 sits at index 2: this roll came up face 2. The notes draw ten rolls at once, `multinomial.Multinomial(10, fair_probs).sample()`, and show `tensor([0., 1., 2., 4., 2., 1.])`: entry *i* counts how often face *i* appeared among the ten rolls. Here is the same call in C#:

torch.manual_seed(0);
display(torch.distributions.Multinomial(10, fairProbs).sample());

// Our ten rolls give different counts from the notes' — and that is expected: the notes' vector is **one random draw** from the author's run. d2l's code sets no seed, so anyone re-running that line gets a different vector each time. Only the sum (ten rolls) is fixed. Here the numbers are reproducible because `Course.Setup()` seeded torch's generator with 0 and the cell calls `torch.manual_seed(0)` again, so the same seed yields the same stream of random numbers on every run. Changing the seed gives other counts, still summing to 10:

foreach (int seed in new[] { 0, 1, 2 })
{
    torch.manual_seed(seed);
    var counts = torch.distributions.Multinomial(10, fairProbs).sample();
    Console.WriteLine($"seed {seed}: {TensorFormatter.ValuesText(counts)}  (sum {counts.sum().item<float>()})");
}

// Seed 0 repeats the counts of the previous cell exactly; seeds 1 and 2 give other draws.
//
// What does `Multinomial` do inside? It draws `total_count` face indices and counts them. We can do the same by hand with `torch.multinomial(probs, n, replacement: true)` (n indices) and `torch.bincount` (count each index). Both routes are equally valid; this notebook uses `Multinomial`.

torch.manual_seed(0);
var faces = torch.multinomial(fairProbs, 10, replacement: true);   // ten face indices
display(faces);
display(torch.bincount(faces, minlength: 6));                               // how often each index appears

// The first tensor lists the ten faces in the order they were rolled; `bincount` turns them into the same kind of count vector as `Multinomial.sample()`. With the same seed the counts are even identical to the `Multinomial` cell above, [0, 2, 2, 2, 2, 2] — a sign that `Multinomial.sample()` draws its indices with this very `torch.multinomial` call (PyTorch's implementation does exactly that, through `Categorical`).
//
// ### Relative frequencies approach the probabilities
//
// With 1000 rolls, dividing the counts by 1000 gives the **relative frequency** of each face — an estimate of its probability:

torch.manual_seed(0);
var counts1000 = torch.distributions.Multinomial(1000, fairProbs).sample();
display(counts1000 / 1000);

// All six relative frequencies lie between 0.157 and 0.176, close to 1/6 ≈ 0.1667 but none exactly on it: 1000 rolls are a sample, not the population.
//
// To watch the estimates settle, d2l runs 500 experiments of 10 rolls each and keeps a running total. `sample(500)` returns a 500 × 6 tensor, one row of counts per experiment; `cumsum(0)` accumulates the rows, and dividing each row by its own total turns cumulative counts into cumulative relative frequencies. In C#, PyTorch's column slice `estimates[:, face]` is written `estimates[.., face]`, and the last row `estimates[-1]` works as in Python.

torch.manual_seed(0);
var groups = torch.distributions.Multinomial(10, fairProbs).sample(500);   // shape (500, 6)
var cumCounts = groups.cumsum(0);
var estimates = cumCounts / cumCounts.sum(1, keepdim: true);
Console.WriteLine($"groups: {TensorFormatter.ShapeText(groups.shape)}; after 500 x 10 = 5000 rolls: {TensorFormatter.ValuesText(estimates[-1])}");

var experiments = Enumerable.Range(1, 500).Select(i => (double)i).ToArray();
var estimateCurves = Enumerable.Range(0, 6).Select(face => new Curve($"P(die = {face})", experiments, Plots.ToArray(estimates[.., face])));
display(Plots.Curves(estimateCurves.Append(new Curve("1/6", new[] { 1.0, 500.0 }, new[] { 1.0 / 6, 1.0 / 6 }, Color: "black", Dashed: true)),
    xLabel: "groups of 10 rolls", yLabel: "estimated probability", title: "Relative frequencies of the six faces settle at 1/6"));

// The six curves start far apart — after the first group of ten rolls an estimate can only be 0, 0.1, 0.2, … — and then squeeze towards the dashed 1/6 line. After 5000 rolls the estimates are 0.1634, 0.1702, 0.1658, 0.1694, 0.1618 and 0.1694, each within 0.005 of 1/6.
//
// This is the law of large numbers (大数定律) at work: the more we sample, the closer the relative frequencies come to the probabilities of the population.

// ### Sample space, events and the axioms of probability
//
// d2l (2.6.2) puts these ideas on a formal footing. The **sample space** (样本空间) $\mathcal{S}$ is the set of all possible outcomes:
// for a die, $\{1, 2, 3, 4, 5, 6\}$ (the notes, counting faces from 0 as the code does, write $\{0, 1, 2, 3, 4, 5\}$). An **event** (事件) is a set of outcomes, such as "an even number" $\{2, 4, 6\}$. A probability
// assigns each event $\mathcal{A}$ a number $P(\mathcal{A})$ that obeys three **axioms** (公理):
//
// 1. $P(\mathcal{A}) \ge 0$ for every event;
// 2. $P(\mathcal{S}) = 1$;
// 3. for events that cannot happen together (disjoint, 互斥), probabilities add: $P(\mathcal{A} \cup \mathcal{B}) = P(\mathcal{A}) + P(\mathcal{B})$.
//
// Everything else follows from these. With an event written as a true/false mask over the six faces, its probability is the sum of the
// probabilities of its outcomes:

var faceValues = torch.arange(1, 7);                        // the sample space {1, ..., 6}
var evenFace = faceValues % 2 == 0;                          // event A = {2, 4, 6}
var oddFace = faceValues % 2 == 1;                           // event {1, 3, 5}: disjoint from A
var fiveOrSix = faceValues >= 5;                             // event B = {5, 6}: overlaps A in {6}
double Prob(Tensor evt) => (fairProbs * evt.to_type(ScalarType.Float32)).sum().item<float>();
Console.WriteLine($"P(S) = {Prob(faceValues > 0):F4}   P(A) = {Prob(evenFace):F4}   P(B) = {Prob(fiveOrSix):F4}");
Console.WriteLine($"disjoint: P(even or odd) = {Prob(evenFace | oddFace):F4} = P(even) + P(odd) = {Prob(evenFace) + Prob(oddFace):F4}");
Console.WriteLine($"overlapping: P(A or B) = {Prob(evenFace | fiveOrSix):F4}, but P(A) + P(B) = {Prob(evenFace) + Prob(fiveOrSix):F4}; minus P(A and B) = {Prob(evenFace) + Prob(fiveOrSix) - Prob(evenFace & fiveOrSix):F4}");

// The whole sample space has probability 1; the disjoint events "even" and "odd" add up to 1 as axiom 3 says. "Even" and "five or
// six" share the outcome 6, so their probabilities (0.5 and 0.3333) add up to more than P(A or B) = 0.6667: for overlapping events
// the shared part must be subtracted once, $P(\mathcal{A} \cup \mathcal{B}) = P(\mathcal{A}) + P(\mathcal{B}) - P(\mathcal{A} \cap \mathcal{B})$.
//
// ### Random variables (随机变量)
//
// A **random variable** is a quantity whose value depends on the outcome — formally, a function from the sample space to numbers.
// The face shown is one; "1 if the roll is 5 or 6, else 0" is another random variable on the same sample space, with its own
// distribution $P(X = 1) = 1/3$. Random variables with finitely (or countably) many values are **discrete**; those that take values
// in a continuum, like a height or a time, are **continuous**.
//
// ### Continuous random variables and densities (概率密度)
//
// For a continuous variable, any single exact value has probability 0: no person is exactly 1.7 m tall to infinitely many digits.
// Probabilities belong to intervals, and a **probability density** $p(x)$ gives them as areas: $P(a \le X \le b) = \int_a^b p(x)\,dx$,
// with $p(x) \ge 0$ and a total area of 1. Take heights distributed as a normal with mean 1.7 m and standard deviation 0.1 m:

torch.manual_seed(0);
var heights = torch.randn(100_000, dtype: ScalarType.Float64) * 0.1 + 1.7;       // 100 000 draws of X ~ N(1.7, 0.1²), metres
double Density(double h) => Math.Exp(-0.5 * Math.Pow((h - 1.7) / 0.1, 2)) / (0.1 * Math.Sqrt(2 * Math.PI));
double Area(double a, double b, int steps = 10_000)                               // trapezoid rule for the integral of the density
{
    double dx = (b - a) / steps, sum = 0;
    for (int k = 0; k < steps; k++) sum += (Density(a + k * dx) + Density(a + (k + 1) * dx)) / 2 * dx;
    return sum;
}
double inInterval = ((heights >= 1.6) & (heights <= 1.8)).to_type(ScalarType.Float64).mean().item<double>();
Console.WriteLine($"P(1.6 <= X <= 1.8): area under the density {Area(1.6, 1.8):F4}; fraction of the samples {inInterval:F4}");
Console.WriteLine($"total area from 1.0 to 2.4: {Area(1.0, 2.4):F4}");
Console.WriteLine($"samples exactly equal to 1.7: {(heights == 1.7).sum().item<long>()};  density at 1.7: {Density(1.7):F3} per metre");

double binWidth = 0.02;
var binCounts = torch.bincount(((heights - 1.3) / binWidth).floor().clamp(0, 39).to_type(ScalarType.Int64), minlength: 40);
var binCenters = Enumerable.Range(0, 40).Select(k => 1.3 + (k + 0.5) * binWidth).ToArray();
var empirical = Plots.ToArray(binCounts.to_type(ScalarType.Float64) / (100_000 * binWidth));   // fraction per metre
display(Plots.Curves(new[] {
        new Curve("samples: fraction per metre (bins of 0.02 m)", binCenters, empirical, Mark.Bars, Opacity: 0.6),
        new Curve("density p(x)", binCenters, binCenters.Select(Density).ToArray(), Color: "crimson") },
    xLabel: "height x (m)", yLabel: "probability per metre", title: "100 000 heights drawn from N(1.7, 0.1²) against their density"));

// The area under the density between 1.6 and 1.8 (one standard deviation either side of the mean) is 0.6827, and 0.6802 of the
// 100 000 samples fell in that interval; the whole curve encloses an area of 1 (up to the tails beyond 1.0 and 2.4, which are
// negligible). Not one sample equals 1.7 exactly, as "probability 0 for a single value" predicts — yet the density there is 3.989,
// **more than 1**. That is no contradiction: a density is probability *per metre*, not a probability; only its areas are
// probabilities. The histogram of the samples, scaled the same way, traces the density curve.

// ## 2. Joint probability (联合概率)
//
// The notes describe joint probability as "多个条件同时发生的概率", "the probability that several conditions happen at the same time". The idea is right; the usual word is *events* rather than *conditions* — "conditional" is reserved for the next idea. For two random variables (随机变量) A and B, the joint probability $P(A=a, B=b)$ is the probability that A takes value *a* **and** B takes value *b*.
//
// A concrete way to see it is a table of counts. Suppose someone kept a diary for 200 days, noting whether it rained (A) and whether they carried an umbrella (B):
//
// | | umbrella | no umbrella |
// |---|---|---|
// | **rain** | 45 | 5 |
// | **no rain** | 15 | 135 |
//
// Dividing every count by the total gives the joint probabilities (estimated from this sample of 200 days):

// rows: A = rain (index 0), no rain (index 1); columns: B = umbrella (0), no umbrella (1)
var diary = torch.tensor(new double[,] { { 45, 5 }, { 15, 135 } });
var joint = diary / diary.sum();
display(joint);

// The four joint probabilities are 0.225 (rain and umbrella), 0.025 (rain, no umbrella), 0.075 (no rain, umbrella) and 0.675 (no rain, no umbrella); like any probability table they add up to 1.
//
// Summing the joint table over one variable gives the **marginal** probability (边际概率) of the other — the sum rule $P(A=a) = \sum_b P(A=a, B=b)$:

var pA = joint.sum(1);        // sum over B, across each row:   P(rain), P(no rain)
var pB = joint.sum(dim: 0);   // sum over A, down each column:  P(umbrella), P(no umbrella) — note the name dim:
display(pA);
display(pB);

// It rained on a quarter of the days, P(rain) = 0.25, and the umbrella came along on 30 % of all days, P(umbrella) = 0.30.
//
// **A C# trap.** Why `sum(dim: 0)` and not simply `sum(0)` as in PyTorch? In C# the literal `0` converts implicitly to *any* enum type, and TorchSharp has an overload `sum(ScalarType type)`. So `joint.sum(0)` compiles, but it means "sum everything, in scalar type number 0", and scalar type number 0 is `Byte`:

var trap = joint.sum(0);   // NOT the column sums
Console.WriteLine($"joint.sum(0) has shape {TensorFormatter.ShapeText(trap.shape)} and dtype {trap.dtype}; its value is {trap.item<byte>()}");
Console.WriteLine($"the total it converted: joint.sum() = {joint.sum().item<double>():R}");
Console.WriteLine($"joint.sum(dim: 0) = {TensorFormatter.ValuesText(joint.sum(dim: 0))}");

// The result is a single number of type `Byte`, and it is 0 even though the table's total is 1: with a `dtype` argument, torch converts the *input* to that type before summing, so every probability below 1 became the byte 0. No error, just a wrong number. Naming the argument, `sum(dim: 0)`, selects the overload we meant. (`sum(1)` is safe, because only the constant 0 converts to an enum implicitly; still, writing `dim:` is the simplest habit.)
//
// The **conditional probability** (条件概率) $P(B=b \mid A=a)$ is the probability of B=b *among the cases where* A=a holds: restrict the table to row *a* and renormalise it, $P(B \mid A) = P(A, B) / P(A)$. Each row of the result sums to 1:

var pBgivenA = joint / pA.unsqueeze(1);   // divide each row by its marginal (broadcasting a (2,1) column)
display(pBgivenA);
display(pBgivenA.sum(1));

// On rainy days the umbrella came along 90 % of the time, $P(\text{umbrella} \mid \text{rain}) = 0.9$; on dry days only 10 % of the time. Each row sums to 1, as a conditional distribution must.
//
// Two variables are **independent** (独立) when the joint table is the product of its marginals, $P(A, B) = P(A)P(B)$. Rain and umbrella are clearly not:

var productOfMarginals = pA.unsqueeze(1) * pB.unsqueeze(0);   // outer product (2,1) * (1,2) -> (2,2)
display(joint);
display(productOfMarginals);

// If rain and umbrella were independent, rainy umbrella days would make up $0.25 \times 0.30 = 0.075$ of all days; in the diary they make up 0.225, three times as many. The tables differ, so the two variables are dependent — as anyone who owns an umbrella would expect.
//
// Two separate dice, on the other hand, are independent. Rolling a pair 36 000 times and tabulating the 6 × 6 outcomes gives a joint table whose entries all sit near $1/36 \approx 0.0278$, the product of the two marginals:

torch.manual_seed(0);
var die1 = torch.randint(0, 6, 36_000);
var die2 = torch.randint(0, 6, 36_000);
var pairTable = torch.bincount(die1 * 6 + die2, minlength: 36).reshape(6, 6).to(ScalarType.Float64) / 36_000;
Console.WriteLine($"smallest entry {pairTable.min().item<double>():F4}, largest {pairTable.max().item<double>():F4}, 1/36 = {1.0 / 36:F4}");
display(Plots.Heatmap(Enumerable.Range(0, 6).Select(i => Plots.ToArray(pairTable[i])).ToArray(), xLabel: "second die", yLabel: "first die",
    title: "Pairs of dice: estimated joint probabilities", zRange: (0, 2.0 / 36),   // 1/36 in the middle: sampling noise looks as small as it is
    colorBarTitle: "P(first, second)"));

// All 36 estimated joint probabilities lie between 0.0256 and 0.0307, within 0.003 of 1/36 ≈ 0.0278, and on a colour scale from 0 to 2/36 the table is an almost even shade — the joint table is (up to sampling noise) the product of two uniform marginals: knowing the first die tells us nothing about the second.

// ## 3. Bayes' theorem (贝叶斯定理)
//
// ### The derivation, as in the notes
//
// The notes start from the **multiplication rule** (乘法法则): the probability that A and B both happen equals the probability of A times the conditional probability of B given that A has happened,
//
// $$P(A, B) = P(B \mid A)\,P(A),$$
//
// and in the same way, with the roles swapped, $P(A, B) = P(A \mid B)\,P(B)$. The two right-hand sides are equal, and dividing by $P(B)$ (which must not be 0) gives Bayes' theorem:
//
// $$P(A \mid B) = \frac{P(B \mid A)\,P(A)}{P(B)}.$$
//
// Both forms of the multiplication rule hold in the diary table, entry by entry:

var pAgivenB = joint / pB.unsqueeze(0);   // divide each column by its marginal
var viaA = pBgivenA * pA.unsqueeze(1);    // P(B|A) P(A)
var viaB = pAgivenB * pB.unsqueeze(0);    // P(A|B) P(B)
Console.WriteLine($"P(B|A)P(A) equals P(A,B): {torch.allclose(viaA, joint)};  P(A|B)P(B) equals P(A,B): {torch.allclose(viaB, joint)}");
// Bayes: P(rain | umbrella) from P(umbrella | rain), P(rain) and P(umbrella)
double bayes = (pBgivenA[0, 0] * pA[0] / pB[0]).item<double>();
Console.WriteLine($"P(rain | umbrella) by Bayes = {bayes:F4};  read off the table: 45 / 60 = {45.0 / 60:F4}");

// Bayes' theorem turns $P(\text{umbrella} \mid \text{rain})$ into $P(\text{rain} \mid \text{umbrella})$, and the result agrees with counting directly in the umbrella column: of the 60 umbrella days, 45 were rainy.
//
// ### d2l's HIV test
//
// Bayes' theorem matters most when one direction is easy to measure and the other is what we want. d2l's example: a doctor tests a patient for HIV. Let H = 1 mean the patient has HIV and D₁ = 1 that the first test comes back positive. The numbers are
//
// - prior: $P(H=1) = 0.0015$ (0.15 % of the population);
// - the test never misses a case: $P(D_1=1 \mid H=1) = 1$;
// - it gives a false positive 1 % of the time: $P(D_1=1 \mid H=0) = 0.01$.
//
// The test is positive. How likely is HIV? Bayes' theorem needs $P(D_1=1)$, which the sum rule gives by summing the joint over H: $P(D_1=1) = \sum_h P(D_1=1 \mid H=h)\,P(H=h)$. With tensors indexed by h = 0, 1 this is one line each (float64, so that rounding does not blur the third decimal; `.item<double>()` is C#'s spelling of PyTorch's `.item()`, with the type you want back):

var prior = torch.tensor(new[] { 1 - 0.0015, 0.0015 });        // P(H=0), P(H=1)
var likD1 = torch.tensor(new[] { 0.01, 1.0 });                 // P(D1=1 | H=0), P(D1=1 | H=1)
var pD1 = (likD1 * prior).sum();                               // sum rule: P(D1=1)
var posterior1 = likD1 * prior / pD1;                          // Bayes, for h = 0 and h = 1 at once
Console.WriteLine($"P(D1=1) = {pD1.item<double>():F6}");
Console.WriteLine($"P(H=1 | D1=1) = {posterior1[1].item<double>():F4}");

// A positive result from a test that never misses and raises a false alarm only 1 % of the time still means HIV with probability only **0.1306**, about 13 %. The reason is the prior: healthy people are so many that their 1 % of false alarms (0.01 × (1 − 0.0015) = 0.009985 of the population) outnumber the true positives (0.0015) more than six to one, and $P(D_1=1) = 0.011485$ is mostly false alarms.
//
// A second, different test helps. It is less perfect — $P(D_2=1 \mid H=1) = 0.98$, $P(D_2=1 \mid H=0) = 0.03$ — but d2l assumes the two tests err independently of each other for a given patient (**conditional independence**, 条件独立): $P(D_1, D_2 \mid H) = P(D_1 \mid H)\,P(D_2 \mid H)$. Then both tests together have the likelihood of the product, and Bayes' theorem is applied exactly as before:

var likD2 = torch.tensor(new[] { 0.03, 0.98 });                // P(D2=1 | H=0), P(D2=1 | H=1)
var likBoth = likD1 * likD2;                                   // P(D1=1, D2=1 | H), by conditional independence
var pBoth = (likBoth * prior).sum();                           // P(D1=1, D2=1)
var posterior2 = likBoth * prior / pBoth;
Console.WriteLine($"P(D1=1, D2=1) = {pBoth.item<double>():F8}");
Console.WriteLine($"P(H=1 | D1=1, D2=1) = {posterior2[1].item<double>():F4}");

// Two positive tests raise the probability of HIV to **0.8307** — d2l's number. The second test is individually worse than the first, yet it helps a lot, because a healthy person rarely fails *both* tests: $0.01 \times 0.03 = 0.0003$.
//
// ### Checking Bayes by simulation
//
// The formulas can be checked without any algebra: simulate a large population, give each person HIV with probability 0.0015, run both tests with the error rates above, and count. Among everyone whose first test is positive, what fraction has HIV? Twenty million people would need several 20-million-element tensors at once, so we simulate them in chunks of one million and free each chunk's tensors with a **dispose scope** — in C# the tensors are not collected promptly by the garbage collector, and a `using var scope = torch.NewDisposeScope();` inside the loop releases them at the end of every iteration.

torch.manual_seed(2024);
const int chunks = 20, chunkSize = 1_000_000;
long positive1 = 0, hivAndPositive1 = 0, positiveBoth = 0, hivAndPositiveBoth = 0;
var clock = System.Diagnostics.Stopwatch.StartNew();
for (int c = 0; c < chunks; c++)
{
    using var scope = torch.NewDisposeScope();                  // frees this chunk's tensors at the end of the iteration
    var h = torch.rand(chunkSize) < 0.0015;                     // who has HIV
    var u1 = torch.rand(chunkSize);                             // one uniform number per person and test:
    var d1 = torch.where(h, u1 < 1.0, u1 < 0.01);               //   positive with probability P(D1=1 | H) of that person's H
    var u2 = torch.rand(chunkSize);
    var d2 = torch.where(h, u2 < 0.98, u2 < 0.03);              // second test, independent of the first given H
    var both = d1 & d2;
    positive1 += d1.sum().item<long>();
    hivAndPositive1 += (h & d1).sum().item<long>();
    positiveBoth += both.sum().item<long>();
    hivAndPositiveBoth += (h & both).sum().item<long>();
}
double sim1 = (double)hivAndPositive1 / positive1, sim2 = (double)hivAndPositiveBoth / positiveBoth;
// standard error of a fraction p estimated from n cases: sqrt(p (1 - p) / n)
double se1 = Math.Sqrt(sim1 * (1 - sim1) / positive1), se2 = Math.Sqrt(sim2 * (1 - sim2) / positiveBoth);
Console.WriteLine($"{chunks * chunkSize:N0} simulated people in {clock.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"first test positive: {positive1:N0}, of whom with HIV: {hivAndPositive1:N0}");
Console.WriteLine($"  P(H=1 | D1=1):       simulated {sim1:F4} ± {se1:F4}   exact {posterior1[1].item<double>():F4}");
Console.WriteLine($"both tests positive: {positiveBoth:N0}, of whom with HIV: {hivAndPositiveBoth:N0}");
Console.WriteLine($"  P(H=1 | D1=1, D2=1): simulated {sim2:F4} ± {se2:F4}   exact {posterior2[1].item<double>():F4}");

// The simulation agrees with Bayes' theorem to two decimals: 0.1297 against the exact 0.1306, and 0.8293 against 0.8307. The differences (0.0009 and 0.0014) are within about 1.4 and 0.7 standard errors — the size of random error to expect from a finite sample. Only about 229 000 of the 20 million people test positive the first time and 35 000 twice, so those are the sample sizes that matter for the precision, not the 20 million. The seed makes these counts the same on every run.

// ## 4. Expectation (期望)
//
// The notes describe the expectation as "类似加权平均" — *similar to* a weighted average. It is not merely similar: the expectation **is** the weighted average of the values, with the probabilities as the weights,
//
// $$E[X] = \sum_x x\,P(X = x).$$
//
// For a fair die with faces 1…6 (now the real pips, not the indices 0…5) every weight is 1/6:

var pips = torch.arange(1, 7, dtype: ScalarType.Float64);        // 1, 2, ..., 6
var fair64 = torch.ones(6, dtype: ScalarType.Float64) / 6;
var expectation = (pips * fair64).sum();                         // the probability-weighted average
Console.WriteLine($"E[X] = {expectation.item<double>()}  (= 21/6 = {21.0 / 6})");

// The expectation of a fair die is 3.5 = 21/6 — a value the die can never show, which is fine: it is an average, not an outcome. With unequal weights the word "weighted" shows: a loaded die that lands on 6 half the time (and on each other face with probability 0.1) has

var loaded = torch.tensor(new[] { 0.1, 0.1, 0.1, 0.1, 0.1, 0.5 });
Console.WriteLine($"sum of probabilities = {loaded.sum().item<double>()}, E[X] = {(pips * loaded).sum().item<double>():F4}");

// The heavy weight on the 6 pulls the expectation up from 3.5 to 4.5. (The probabilities add up to 0.9999999999999999 rather than 1 only because 0.1 has no exact binary representation in a `double`.)
//
// Estimating the expectation by sampling is the plain average of the rolls. That plain average is itself a weighted average — of the six faces, weighted by their *relative frequencies* — and since relative frequencies approach the probabilities (section 1), the sample mean approaches $E[X]$:

torch.manual_seed(0);
var rolls = torch.randint(1, 7, 1000, dtype: ScalarType.Float64);            // 1000 rolls of a fair die, pips 1..6
var freq = torch.bincount(rolls.to(ScalarType.Int64) - 1, minlength: 6).to(ScalarType.Float64) / 1000;
Console.WriteLine($"plain average of the rolls:                {rolls.mean().item<double>():F4}");
Console.WriteLine($"faces weighted by relative frequencies:    {(pips * freq).sum().item<double>():F4}");
Console.WriteLine($"faces weighted by probabilities (exact):   {expectation.item<double>():F4}");

// The two sample-based numbers are identical, 3.4720 — they are the same sum, grouped differently — and they are near, but not equal to, the exact 3.5. Replace the relative frequencies by the probabilities and the plain average becomes the expectation.
//
// ## 5. Variance (方差)
//
// The notes say the variance is "即平方误差" — *that is, the squared error* — measuring how far a random variable strays from its expectation, and that the standard deviation (标准差) is its square root. The second half is exactly right. The first half is a little loose: the variance is the **expected squared deviation from the mean**,
//
// $$\operatorname{Var}[X] = E\big[(X - E[X])^2\big] = E[X^2] - E[X]^2,$$
//
// whereas "squared error" in machine learning usually means $(\hat y - y)^2$ for a prediction $\hat y$ and a target $y$ (the loss of linear regression in the next chapter). The two meet in one place: if we must predict every roll with one constant $c$, the expected squared error $E[(X-c)^2]$ is smallest exactly at $c = E[X]$, and its smallest value is the variance. So the variance is the *smallest possible* mean squared error of a constant guess, not squared error in general. Both formulas, and that minimum, computed:

var variance = ((pips - expectation).pow(2) * fair64).sum();                 // E[(X - E[X])^2]; C#: .pow(2), not **
var viaMoments = (pips.pow(2) * fair64).sum() - expectation.pow(2);          // E[X^2] - E[X]^2
Console.WriteLine($"Var[X] = {variance.item<double>():F6}   E[X^2] - E[X]^2 = {viaMoments.item<double>():F6}   35/12 = {35.0 / 12:F6}");
Console.WriteLine($"standard deviation = {Math.Sqrt(variance.item<double>()):F4}");

var cs = Enumerable.Range(0, 61).Select(i => 1.0 + i * 0.1).ToArray();          // constant guesses c from 1 to 7
var mse = cs.Select(c => ((pips - c).pow(2) * fair64).sum().item<double>()).ToArray();
display(Plots.Curves(new[] {
        new Curve("E[(X − c)²]", cs, mse),
        new Curve("c = E[X] = 3.5, value 35/12", new[] { 3.5 }, new[] { 35.0 / 12 }, Mark.Points, Color: "crimson") },
    xLabel: "constant guess c", yLabel: "expected squared error", title: "A constant guess c for a die roll: the error is smallest at c = E[X]"));

// Both formulas give 2.916667 = 35/12, and the standard deviation is $\sqrt{35/12} \approx 1.7078$. The curve of the expected squared error of a constant guess is a parabola whose lowest point is at $c = 3.5$ with height 35/12: variance is squared error only for this one best guess.
//
// ### Estimating expectation and variance by sampling
//
// From a sample $x_1, \dots, x_n$ we estimate $E[X]$ by the sample mean and $\operatorname{Var}[X]$ by the sample variance. How good are these estimates? Below, five independent runs of a million rolls each; for every sample size *n* between 10 and 10⁶ (log-spaced) we plot the running estimate after the first *n* rolls, together with the exact value as a dashed line. Running sums (`cumsum`) give all the running means in one pass: mean $= \frac1n\sum x_i$ and variance $= \frac1n\sum x_i^2 - \text{mean}^2$.

torch.manual_seed(0);
long[] sizes = Enumerable.Range(0, 21).Select(i => (long)Math.Round(Math.Pow(10, 1 + i * 0.25))).ToArray();   // 10 ... 10^6
var nAxis = sizes.Select(s => (double)s).ToArray();
var idx = torch.tensor(sizes) - 1;
var meanCurves = new List<Curve>();
var varCurves = new List<Curve>();
var firstAndLast = new List<string>();
for (int run = 0; run < 5; run++)
{
    using var scope = torch.NewDisposeScope();
    var x = torch.randint(1, 7, 1_000_000, dtype: ScalarType.Float64);
    var n = torch.arange(1, 1_000_001, dtype: ScalarType.Float64);
    var runningMean = x.cumsum(0) / n;
    var runningVar = x.pow(2).cumsum(0) / n - runningMean.pow(2);
    meanCurves.Add(new Curve($"run {run + 1}", nAxis, Plots.ToArray(runningMean.index_select(0, idx))));
    varCurves.Add(new Curve($"run {run + 1}", nAxis, Plots.ToArray(runningVar.index_select(0, idx))));
    firstAndLast.Add($"run {run + 1}: mean {runningMean[9].item<double>():F3} -> {runningMean[-1].item<double>():F4},  variance {runningVar[9].item<double>():F3} -> {runningVar[-1].item<double>():F4}");
}
Console.WriteLine("after 10 rolls -> after 1 000 000 rolls");
firstAndLast.ForEach(Console.WriteLine);
Curve Exact(double value, string label) => new(label, new[] { 10.0, 1e6 }, new[] { value, value }, Color: "black", Dashed: true);
display(Plots.Curves(meanCurves.Append(Exact(3.5, "E[X] = 3.5")), xLabel: "number of rolls n (log scale)", yLabel: "running sample mean",
    title: "Five runs of a million rolls: the sample mean", logX: true));
display(Plots.Curves(varCurves.Append(Exact(35.0 / 12, "Var[X] = 35/12")), xLabel: "number of rolls n (log scale)", yLabel: "running sample variance",
    title: "Five runs of a million rolls: the sample variance", logX: true));

// After 10 rolls the five runs disagree wildly — sample means from 2.8 to 4.0, sample variances from 1.2 to 3.56 — while after a million rolls every run's mean lies between 3.4980 and 3.5024 and every variance between 2.9147 and 2.9233. On the log axis the curves funnel into the dashed lines. (The variance estimate here divides by *n*; dividing by *n − 1*, as `torch.var` does by default, makes it unbiased, a difference that vanishes as *n* grows.)
//
// How fast do they tighten? Repeat an experiment of *n* rolls many times and measure the spread (standard deviation) of the sample means. Theory says it is $\sigma/\sqrt{n}$ with $\sigma = \sqrt{35/12}$: ten times more rolls make the estimate only $\sqrt{10} \approx 3.2$ times more precise.

torch.manual_seed(0);
double sigma = Math.Sqrt(35.0 / 12);
Console.WriteLine("     n   spread of 400 sample means   sigma / sqrt(n)");
foreach (long n in new long[] { 10, 100, 1_000, 10_000 })
{
    using var scope = torch.NewDisposeScope();
    var means = torch.randint(1, 7, new long[] { 400, n }, dtype: ScalarType.Float64).mean(new long[] { 1 });   // 400 experiments of n rolls
    Console.WriteLine($"{n,6}   {means.std().item<double>(),26:F4}   {sigma / Math.Sqrt(n),15:F4}");
}

// The measured spreads, 0.5597, 0.1631, 0.0525 and 0.0172, follow $\sigma/\sqrt{n}$ (0.5401, 0.1708, 0.0540, 0.0171) closely: each tenfold increase in *n* shrinks the spread about 3.2-fold. This is why the curves above narrow slowly: halving the error costs four times as many samples.
//
// Expectation and variance also describe the counts of section 1. The count of one face in ten rolls is itself a random variable, with a **binomial** distribution (二项分布) of n = 10 trials with success probability p = 1/6; its expectation is $np = 10 \cdot \tfrac16 \approx 1.667$ and its variance $np(1-p) = 10 \cdot \tfrac16 \cdot \tfrac56 \approx 1.389$. With 100 000 groups of ten rolls:

torch.manual_seed(0);
var manyGroups = torch.distributions.Multinomial(10, fairProbs).sample(100_000);
Console.WriteLine($"mean of the counts:     {TensorFormatter.ValuesText(manyGroups.mean(new long[] { 0 }))}   theory {10.0 / 6:F4}");
Console.WriteLine($"variance of the counts: {TensorFormatter.ValuesText(manyGroups.var(0))}   theory {10.0 / 6 * 5 / 6:F4}");

// The six means lie between 1.6642 and 1.6734 (theory 1.6667) and the six variances between 1.3848 and 1.3989 (theory 1.3889): every face's count has the binomial's mean and variance, as the formulas say.

// ## 6. Covariance (协方差)
//
// The notes stop at the variance of one random variable, and so does d2l-zh's section 2.6. The English edition's section on
// expectations (d2l-en 2.6.6) goes on to vector-valued random variables: it defines their covariance matrix as the expectation of an
// outer product and uses it for the variance of any linear function of the vector. It does not write out the covariance of two
// variables on their own, so we start there: each entry of that matrix is one. The **covariance** of X and Y measures whether they
// tend to stray from their means together:
//
// $$\operatorname{Cov}[X, Y] = E\big[(X - E[X])(Y - E[Y])\big] = E[XY] - E[X]\,E[Y].$$
//
// It is positive when X tends to be above its mean while Y is above its own, negative when one tends to be above while the other is
// below, and 0 for independent variables (for them $E[XY] = E[X]\,E[Y]$). With Y = X it is the variance: the product becomes a
// square, $\operatorname{Cov}[X, X] = E[(X - E[X])^2] = \operatorname{Var}[X]$.
//
// An example with two dice. Roll A and B independently and look at their sum S = A + B. S depends on A (a high A makes a high S
// likely), and covariance adds up term by term, so exactly $\operatorname{Cov}[A, S] = \operatorname{Cov}[A, A] + \operatorname{Cov}[A, B] = 35/12 + 0$.
// The mirrored die 7 − A falls exactly when A rises, so $\operatorname{Cov}[A, 7 - A] = -\operatorname{Var}[A] = -35/12$.
// Estimated from 100 000 rolls of the pair, with the sample mean in place of each E:

torch.manual_seed(0);
var dieA = torch.randint(1, 7, 100_000, dtype: ScalarType.Float64);
var dieB = torch.randint(1, 7, 100_000, dtype: ScalarType.Float64);
var sumAB = dieA + dieB;
double Cov(Tensor u, Tensor v) => ((u - u.mean()) * (v - v.mean())).mean().item<double>();   // E[(U − E[U])(V − E[V])], from the sample
Console.WriteLine($"Cov[A, A]     = {Cov(dieA, dieA):F4}   sample variance of A = {(dieA - dieA.mean()).pow(2).mean().item<double>():F4}");
Console.WriteLine($"Cov[A, A + B] = {Cov(dieA, sumAB):F4}   exact 35/12 = {35.0 / 12:F4}   (dependent)");
Console.WriteLine($"Cov[A, 7 − A] = {Cov(dieA, 7 - dieA):F4}   exact −35/12 = {-35.0 / 12:F4}   (dependent, opposite directions)");
Console.WriteLine($"Cov[A, B]     = {Cov(dieA, dieB):F4}   exact 0   (independent)");

// Cov[A, A] and the sample variance of A are the same number, as they must be: they are the same sum. The dependent pairs have
// covariances near ±35/12 ≈ ±2.9167, and the independent dice a covariance near 0 — not exactly 0, because 100 000 rolls are a sample:
// its size is of the order of σ²/√n ≈ 2.9/316 ≈ 0.009 (the printed value is the sample's own).
//
// For a random **vector** x = [x₁, …, xₙ], d2l-en collects all the covariances in the **covariance matrix** (协方差矩阵)
//
// $$\boldsymbol{\Sigma} = \operatorname{Cov}[\mathbf{x}] = E\big[(\mathbf{x} - \boldsymbol{\mu})(\mathbf{x} - \boldsymbol{\mu})^\top\big], \qquad \Sigma_{ij} = \operatorname{Cov}[x_i, x_j],\quad \boldsymbol{\mu} = E[\mathbf{x}].$$
//
// Its diagonal holds the variances (Cov[xᵢ, xᵢ] = Var[xᵢ]), and it is symmetric. For x = [A, B, S] the rule above gives it exactly:
// $\boldsymbol{\Sigma} = \tfrac{35}{12}\begin{bmatrix}1 & 0 & 1\\ 0 & 1 & 1\\ 1 & 1 & 2\end{bmatrix}$ (Var[S] = Var[A] + Var[B] for the independent dice).
// From the sample, with one example per row of a 100 000 × 3 matrix, the average outer product is one matrix product of the centred
// data with itself; `torch.cov` (rows are the variables, `correction: 0` divides by n) computes the same:

var xs = torch.stack(new[] { dieA, dieB, sumAB }, dim: 1);           // 100 000 × 3: one row [A, B, S] per roll of the pair
var centred = xs - xs.mean(new long[] { 0 }, keepdim: true);
var sigmaHat = centred.T.mm(centred) / xs.shape[0];                  // average of (x − μ)(x − μ)ᵀ over the rows
var sigmaExact = 35.0 / 12 * torch.tensor(new double[,] { { 1, 0, 1 }, { 0, 1, 1 }, { 1, 1, 2 } });
display(sigmaHat);
Console.WriteLine($"largest difference from the exact Σ: {(sigmaHat - sigmaExact).abs().max().item<double>():F4}");
Console.WriteLine($"largest difference from torch.cov:   {(sigmaHat - torch.cov(xs.T, correction: 0)).abs().max().item<double>():G2}");

var v = torch.tensor(new double[] { 1, -1, 0 });                    // vᵀx = A − B
var diffAB = dieA - dieB;
Console.WriteLine($"vᵀΣv = {v.dot(sigmaHat.mv(v)).item<double>():F4}   sample variance of A − B = {(diffAB - diffAB.mean()).pow(2).mean().item<double>():F4}   exact 2 · 35/12 = {70.0 / 12:F4}");
Console.WriteLine($"a trap: diffAB.var(unbiased: false) = {diffAB.var(unbiased: false).item<double>():F4}, diffAB.var(0, unbiased: false) = {diffAB.var(0, unbiased: false).item<double>():F4}");

// The estimated matrix is within a few thousandths of the exact one (the largest difference is printed): the variances of A and B near
// 35/12 on the diagonal, 35/6 for S, Cov[A, S] and Cov[B, S] near 35/12, and Cov[A, B] near 0. The matrix product and `torch.cov`
// agree to rounding.
//
// The line that starts with vᵀΣv is d2l-en's reason to care about Σ: the variance of any linear combination vᵀx is $\mathbf{v}^\top\boldsymbol{\Sigma}\mathbf{v}$,
// one matrix product instead of a new pass over the data. With v = [1, −1, 0], vᵀx = A − B, and vᵀΣ̂v equals the sample variance of
// A − B (again the same sum, grouped differently), close to the exact 2 · 35/12 = 35/6: the variances of independent dice add up, even
// for a difference.
//
// The last line, which starts with "a trap", shows a TorchSharp trap found while writing this cell. `var(unbiased: false)` on a whole tensor should divide by n, but
// TorchSharp 0.107's native function behind it takes no such flag, so the argument is dropped and the result is divided by n − 1
// (it is the sample variance times n/(n − 1), a difference in the fifth significant digit here). The overload with a dimension,
// `var(0, unbiased: false)`, passes the flag on and divides by n. So for the variance of one sample, either write it out as above,
// or name the dimension — but only on a floating-point tensor. Its native function first computes a whole-tensor variance outside
// TorchSharp's error handling, so on an integer tensor the error cannot become a C# exception and ends the kernel instead. Dice from
// `torch.randint` without a `dtype` are such a tensor (int64): convert them first, `dice.to(ScalarType.Float64).var(0, unbiased: false)`,
// or draw them with `dtype: ScalarType.Float64` as this notebook does.

// ## Summary
//
// - A **sample** (样本) is the part of a **population** (总体) we observe; choosing it is **sampling** (抽样). "Specimen" is an unusual gloss for 样本 — the statistical term is *sample*.
// - `torch.distributions.Multinomial(n, probs).sample()` counts how often each outcome occurs in *n* draws; `sample(k)` repeats that *k* times. Random output differs from run to run and from the notes unless the generator is seeded (`torch.manual_seed`), as it is here.
// - Relative frequencies approach the probabilities as the sample grows (the law of large numbers): 5000 fair-die rolls gave estimates close to 1/6.
// - A probability assigns each event (a set of outcomes of the sample space) a number: non-negative, 1 for the whole space, additive over disjoint events. A random variable maps outcomes to numbers; a continuous one has probability 0 at every single value and a density whose areas are probabilities (the density of N(1.7, 0.1²) is 3.989 per metre at its peak, more than 1).
// - From a table of counts: joint probability = count / total; marginal = sum over the other variable; conditional = joint / marginal (each row renormalised). Independence means joint = product of marginals.
// - Bayes' theorem follows from writing $P(A,B)$ in two ways. For d2l's HIV example it gives 0.1306 after one positive test and 0.8307 after two, and twenty million simulated people agree to two decimals.
// - The expectation **is** the probability-weighted average ($E[X] = 3.5$ for a die); the variance is the expected squared deviation from the mean ($35/12 \approx 2.917$), the smallest mean squared error of any constant guess. Sample estimates of both converge, with an error that shrinks like $1/\sqrt{n}$.
// - The covariance $\operatorname{Cov}[X, Y] = E[(X - E[X])(Y - E[Y])]$ is positive or negative for variables that move together or against each other, 0 for independent ones, and $\operatorname{Cov}[X, X] = \operatorname{Var}[X]$. The covariance matrix Σ of a random vector holds all of them, the variances on its diagonal, and gives the variance of any vᵀx as vᵀΣv.
//
// ## Exercises
//
// Each exercise has a checker: replace `null` with your answer and run the cell. ⏳ means not answered yet, ✅ right, ❌ not yet (with a hint).
//
// **Exercise 1.** Another loaded die (faces 1…6) has probabilities `[0.25, 0.05, 0.1, 0.1, 0.1, 0.4]`. Compute its expectation $E[X]$ exactly (not by sampling).

var exerciseProbs = torch.tensor(new[] { 0.25, 0.05, 0.1, 0.1, 0.1, 0.4 });
double? answer1 = null; // replace null with your answer
display(Exercises.Notebook06.Exercise1(answer1));

// **Exercise 2.** Compute the variance $\operatorname{Var}[X]$ of the same loaded die exactly. (You can check yourself with either formula of section 5.)

double? answer2 = null; // replace null with your answer
display(Exercises.Notebook06.Exercise2(answer2));

// **Exercise 3.** Back to the HIV example. The first test is positive, but the second test comes back **negative** ($D_2 = 0$). Assuming conditional independence as before, compute $P(H=1 \mid D_1=1, D_2=0)$.

double? answer3 = null; // replace null with your answer
display(Exercises.Notebook06.Exercise3(answer3));

// **Exercise 4.** A shop counted 300 customers by whether they saw an advert (rows: saw it, did not) and whether they bought something (columns: bought, did not buy). Compute the table of conditional probabilities $P(\text{bought?} \mid \text{advert?})$ as a 2 × 2 tensor with the same layout.

var shop = torch.tensor(new double[,] { { 40, 60 }, { 30, 170 } });
Tensor answer4 = null; // replace null with your answer
display(Exercises.Notebook06.Exercise4(answer4));

// **Exercise 5 — disjoint or independent?** Two events A and B cannot happen together (they are disjoint), and
// P(A) = 0.3, P(B) = 0.5. Can A and B be independent? Answer `true` or `false`.

bool? answer5 = null; // replace null with true or false
display(Exercises.Notebook06.Exercise5(answer5));
