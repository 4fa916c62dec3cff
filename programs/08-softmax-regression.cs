// Notebook 08 as a .NET program: notebooks/08-softmax-regression.ipynb, the lesson's text as comments and its code as
// statements, in the notebook's order. Run it from the repository root:
//     dotnet run programs/08-softmax-regression.cs
// It prints what the notebook shows as text and writes each chart as an HTML file under artifacts/programs/08/
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

// # 08 — Softmax regression (softmax 回归)
//
// This notebook follows the chapter **softmax 回归** of the notes (d2l sections 3.4–3.7): softmax turns scores into class
// probabilities, the log-likelihood gives the cross-entropy loss, and information theory explains what that loss measures.
//
// In this notebook you will:
// - encode class labels one-hot (独热编码) and count the parameters of a softmax regression model;
// - compute softmax on the notes' chicken/dog/duck scores, see why it is not plain normalization, and make it safe against overflow with the log-sum-exp trick;
// - derive the cross-entropy loss (交叉熵损失) from the log-likelihood (对数似然) and compute entropy (熵), surprisal (惊异) and cross-entropy for a few distributions;
// - load Fashion-MNIST, look at it, and train softmax regression on it from scratch and concisely, watching a live training plot;
// - read the trained model's predictions on test images.

display(Course.Setup());

// ## Classification (分类) and one-hot labels
//
// Linear regression (notebook 07) answers *how much*; classification answers *which one*. The notes' example has three classes —
// chicken (鸡), dog (狗), duck (鸭) — and a model with **one output per class**, each output a score of how well the input matches that
// class.
//
// Labels are class indices, but the model's outputs are a vector, so d2l writes a label as a one-hot vector (独热编码): as many
// entries as classes, a 1 at the true class and 0 elsewhere. For the classes 0 = chicken, 1 = dog, 2 = duck:

string[] animals = { "chicken", "dog", "duck" };
var animalLabels = torch.tensor(new long[] { 0, 2, 1, 0 });
var oneHot = nn.functional.one_hot(animalLabels, 3);
Console.WriteLine(string.Join(", ", animalLabels.data<long>().Select(i => animals[i])));
display(oneHot);

// Each row has one 1 — at the index of its label. The order of the classes is arbitrary, and one-hot vectors carry no false
// ordering ("duck = 2 is bigger than dog = 1" would mean nothing).
//
// ## The model: one fully connected layer, and its parameter count
//
// Softmax regression computes the scores (d2l calls them logits, *o*) with one affine function per class: **o** = **x** **W** + **b**.
// Every output depends on every input — a fully connected layer (全连接层). For Fashion-MNIST below, an input is a 28 × 28 image,
// flattened to 784 pixels, and there are 10 classes: **W** has 784 × 10 entries and **b** has 10.
//
// The notes count the parameters as "单节点输入数 (w 个数) × 总节点数 (p)" — inputs per output × number of outputs. Let TorchSharp count:

var layer = nn.Linear(784, 10);
long counted = layer.parameters().Sum(p => p.numel());
Console.WriteLine($"weight {string.Join("×", layer.weight!.shape)} + bias {string.Join("×", layer.bias!.shape)} = {counted} parameters");
Console.WriteLine($"the notes' formula 784 × 10 = {784 * 10}; missing: {counted - 784 * 10}");

// **Where the notes are loose.** The product 784 × 10 = 7840 counts only the weights. Each output also has its own bias, so the
// model has 784 × 10 + 10 = **7850** parameters: (inputs + 1) × outputs. (TorchSharp stores the weight as 10 × 784, outputs first,
// and computes **x** **W**ᵀ; the count is the same.)
//
// ## Softmax
//
// The scores are arbitrary real numbers. To read them as probabilities they must be non-negative and sum to 1, and the largest
// score should stay the most probable. Softmax does this by exponentiating and normalizing:
//
// $$\hat y_j = \operatorname{softmax}(\mathbf o)_j = \frac{\exp(o_j)}{\sum_k \exp(o_k)}.$$
//
// The notes' example gives chicken 0.9, dog 0.03, duck 0.3 and computes "鸡：0.9/(0.9+0.03+0.3) = 0.73". Both side by side:

var scores = torch.tensor(new double[] { 0.9, 0.03, 0.3 });
var normalized = scores / scores.sum();
var softmaxed = scores.exp() / scores.exp().sum();
for (int j = 0; j < 3; j++)
    Console.WriteLine($"{animals[j],-8} score {scores[j].item<double>(),5:F2}   notes' arithmetic o/Σo {normalized[j].item<double>():F4}   softmax exp(o)/Σexp(o) {softmaxed[j].item<double>():F4}");
Console.WriteLine($"sums: {normalized.sum().item<double>():F4} and {softmaxed.sum().item<double>():F4}");

// Softmax gives the chicken about 0.51, not 0.73: exponentiating first changes the proportions (exp(0.9) ≈ 2.46 against exp(0.03) ≈ 1.03 and exp(0.3) ≈ 1.35). Both versions sum to 1 and rank the classes in the same order, so the notes' conclusion — chicken is the most likely class — still stands.
//
// **Where the notes are loose.** 0.9 / (0.9 + 0.03 + 0.3) = 0.73 is plain normalization, not softmax; softmax exponentiates first and gives
// chicken about 0.51. The difference matters because scores can be negative. With a duck score of −0.5, plain normalization
// produces a "probability" above 1 and a negative one, while softmax stays a distribution:

var withNegative = torch.tensor(new double[] { 0.9, 0.03, -0.5 });
Console.WriteLine($"o/Σo:          [{string.Join(", ", (withNegative / withNegative.sum()).data<double>().Select(v => v.ToString("F3", CultureInfo.InvariantCulture)))}]");
Console.WriteLine($"softmax:       [{string.Join(", ", torch.softmax(withNegative, 0).data<double>().Select(v => v.ToString("F3", CultureInfo.InvariantCulture)))}]");

// Plain normalization gives the chicken 2.09 and the duck −1.16 — not probabilities at all — because the denominator 0.43 is small and one score is negative. Softmax gives 0.60, 0.25, 0.15: exp makes every term positive.
//
// From scratch, for a matrix whose rows are examples (d2l 3.6): exponentiate, sum each row keeping its axis, divide — broadcasting
// (notebook 01) does the rest.

Tensor Softmax(Tensor X)
{
    var expX = X.exp();
    var partition = expX.sum(1, keepdim: true);   // one normalizer per row, shape (n, 1)
    return expX / partition;
}

torch.manual_seed(0);
var randomScores = torch.randn(2, 5);
var probs = Softmax(randomScores);
display(probs);

display(probs.sum(1));

// Every entry is positive and each row sums to 1.
//
// ### Overflow, and the log-sum-exp trick
//
// `exp` grows fast: in float32, exp(89) is already infinite. Scores of 1000 and 1001 are unusual but possible for a badly scaled
// model, and the naive formula then computes ∞/∞:

var big = torch.tensor(new float[,] { { 1000f, 1001f } });
Console.WriteLine($"exp(big)       = [{string.Join(", ", big.exp().data<float>())}]");
Console.WriteLine($"naive softmax  = [{string.Join(", ", Softmax(big).data<float>())}]");

// Softmax does not change when the same constant is added to every score (it cancels between numerator and denominator), so
// subtract the row maximum first: the largest exponent is then exp(0) = 1 and nothing overflows. For the log of softmax, which the
// loss needs, the same shift gives the log-sum-exp (LSE) form
//
// $$\log \hat y_j = o_j - \log \sum_k \exp(o_k) = o_j - m - \log \sum_k \exp(o_k - m), \qquad m = \max_k o_k,$$
//
// which also avoids log(0) when a probability underflows: it never forms the probabilities at all. `torch.softmax` and `log_softmax`
// (a tensor method in TorchSharp: `X.log_softmax(1)`) compute exactly this way. The stable softmax from scratch, and the two logs side by side:

Tensor StableSoftmax(Tensor X)
{
    var shifted = X - X.max(1, keepdim: true).values;   // largest score becomes 0
    var expX = shifted.exp();
    return expX / expX.sum(1, keepdim: true);
}
var tiny = torch.tensor(new float[,] { { 0f, -200f } });
Console.WriteLine($"stable softmax of [1000, 1001]:    [{string.Join(", ", StableSoftmax(big).data<float>())}]");
Console.WriteLine($"torch.softmax of [1000, 1001]:     [{string.Join(", ", torch.softmax(big, 1).data<float>())}]");
Console.WriteLine($"log(softmax) of [0, -200]:         [{string.Join(", ", StableSoftmax(tiny).log().data<float>())}]");
Console.WriteLine($"tiny.log_softmax(1), the LSE form: [{string.Join(", ", tiny.log_softmax(1).data<float>())}]");

// After the shift, [1000, 1001] gives [0.2689, 0.7311] — the same as softmax of [0, 1] — and `torch.softmax` agrees. For [0, −200] the second probability underflows to 0 in float32 even after the shift, and its log is −∞, while the log-sum-exp form returns the correct −200 (the formula above gives −200 − 0 − log(1 + e⁻²⁰⁰)). That is why a training loss should be computed from the scores with log-softmax (as `nn.CrossEntropyLoss` does below) rather than from already-rounded probabilities. You will write the log-sum-exp form yourself in exercise 3.
//
// ## Log-likelihood (对数似然) and the cross-entropy loss (交叉熵损失)
//
// The notes: to train softmax regression one again maximizes the likelihood, and the resulting loss is called cross-entropy. The
// model gives each example a probability for its true class, ŷ<sub>y</sub>. The likelihood of all labels is the product of those
// probabilities; its negative log is a sum over examples of
//
// $$l(\mathbf y, \hat{\mathbf y}) = -\sum_j y_j \log \hat y_j = -\log \hat y_{\text{true class}},$$
//
// where **y** is the one-hot label, so only the true class's term survives. d2l's example: two examples, three classes, true
// classes 0 and 2. Picking each row's true-class probability is a `gather` (PyTorch's `y_hat[[0, 1], y]`):

var yHatDemo = torch.tensor(new float[,] { { 0.1f, 0.3f, 0.6f }, { 0.3f, 0.2f, 0.5f } });
var yDemo = torch.tensor(new long[] { 0, 2 });
display(yHatDemo.gather(1, yDemo.reshape(-1, 1)));

Tensor CrossEntropy(Tensor yHat, Tensor y) => -yHat.gather(1, y.reshape(-1, 1)).squeeze(1).log();

var ceScratch = CrossEntropy(yHatDemo, yDemo);
var ceOneHot = -(nn.functional.one_hot(yDemo, 3).to_type(ScalarType.Float32) * yHatDemo.log()).sum(1);
var likelihood = yHatDemo.gather(1, yDemo.reshape(-1, 1)).prod().item<float>();
Console.WriteLine($"−log ŷ[true class]:      [{string.Join(", ", ceScratch.data<float>().Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}]");
Console.WriteLine($"−Σ_j y_j log ŷ_j:         [{string.Join(", ", ceOneHot.data<float>().Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}]");
Console.WriteLine($"library Losses.CrossEntropy: [{string.Join(", ", Losses.CrossEntropy(yHatDemo, yDemo).data<float>().Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}]");
Console.WriteLine($"likelihood {likelihood:F4}; −log likelihood {-Math.Log(likelihood):F4} = sum of the losses {ceScratch.sum().item<float>():F4}");

// The first example gave its true class probability 0.1 and costs −log 0.1 ≈ 2.30; the second gave 0.5 and costs −log 0.5 ≈ 0.69. Picking the true-class entry, summing against the one-hot label, and the library's `Losses.CrossEntropy` all agree, and the summed loss is exactly −log of the likelihood 0.1 × 0.5 = 0.05: minimizing cross-entropy is maximizing the likelihood.
//
// One more fact from d2l 3.4 makes softmax and cross-entropy a good pair: the gradient of the loss with respect to the scores is
// simply softmax(**o**) − **y** — the predicted probabilities minus the one-hot label. Autograd confirms it for the chicken/dog/duck
// scores with the label chicken:

var o = torch.tensor(new double[] { 0.9, 0.03, 0.3 }).requires_grad_();
var lossChicken = -o.log_softmax(0)[0];
lossChicken.backward();
Console.WriteLine($"autograd ∂l/∂o:   [{string.Join(", ", o.grad!.data<double>().Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}]");
Console.WriteLine($"softmax(o) − y:   [{string.Join(", ", (torch.softmax(o.detach(), 0) - torch.tensor(new double[] { 1, 0, 0 })).data<double>().Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}]");

// The two agree. A gradient step therefore raises the true class's score in proportion to how far its probability is from 1 (here 1 − 0.5082 = 0.4918) and lowers every other score in proportion to its own probability.
//
// ## Information theory (信息论)
//
// The notes call the entropy (熵) of a distribution its amount of information, written H[P] (Shannon entropy, 香农熵), and say that
// "一般来说这个信息的熵就是所有概率相加，就是 1，但是香农熵增加了一个 −log P(j)" (generally the entropy is all the probabilities
// added up, which is 1, but Shannon entropy adds a −log P(j)). Let us compute.
// The surprisal (惊异) of an outcome j is −log P(j): a certain event (P = 1) surprises by 0, a rare one by a lot. The entropy is the
// *expected* surprisal,
//
// $$H[P] = \sum_j -P(j)\log P(j),$$
//
// in nats with the natural log (divide by log 2 for bits). For the chicken/dog/duck softmax, the notes' normalized numbers, a
// uniform and a one-hot distribution:

double Entropy(Tensor p) => (p * p.reciprocal().log()).nan_to_num(0).sum().item<double>();   // Σ P·log(1/P); 0·log(1/0) counts as 0
var distributions = new (string Name, Tensor P)[]
{
    ("softmax of the notes' scores", softmaxed),
    ("notes' o/Σo", normalized),
    ("uniform over 3", torch.full(new long[] { 3 }, 1.0 / 3, dtype: ScalarType.Float64)),
    ("one-hot (certain: chicken)", torch.tensor(new double[] { 1, 0, 0 })),
};
Console.WriteLine($"{"distribution",-30}{"P",-26}{"Σ P",6}{"H[P] nats",11}{"bits",8}");
foreach (var (name, p) in distributions)
    Console.WriteLine($"{name,-30}{"[" + string.Join(", ", p.data<double>().Select(v => v.ToString("F3", CultureInfo.InvariantCulture))) + "]",-26}{p.sum().item<double>(),6:F3}{Entropy(p),11:F4}{Entropy(p) / Math.Log(2),8:F4}");
Console.WriteLine($"log 3 = {Math.Log(3):F4}");

// Every row sums to 1, yet the entropies differ: 1.0986 = log 3 nats (1.585 bits) for the uniform distribution, the largest possible for three classes; 0 for the one-hot one (no uncertainty); 1.03 for the softmax of the notes' scores, which is close to uniform; and 0.66 for the notes' normalized numbers, which put more weight on chicken.
//
// **Where the notes are loose.** Adding up the probabilities gives 1 for *every* distribution — that is what makes it a distribution,
// and it says nothing about information. The entropy is not "1 plus a correction": it is the sum of each probability *times* its
// surprisal, Σ P(j)·(−log P(j)). It is 0 for a certain outcome, largest (log 3 ≈ 1.0986 nats for three classes) when all outcomes are
// equally likely, and in between otherwise — a measure of how uncertain the distribution is.
//
// ### Cross-entropy (交叉熵)
//
// If the data follows P but we predict with Q, the expected surprisal is the cross-entropy H(P, Q) = Σ_j −P(j) log Q(j). It is never
// below H(P), and equals it exactly when Q = P (the gap is the Kullback–Leibler divergence). For two classes with P = (0.7, 0.3)
// and predictions Q = (q, 1 − q):

var qs = Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray();
double[] pTrue = { 0.7, 0.3 };
double CrossEntropyOf(double[] p, double[] q) => -p.Zip(q, (pi, qi) => pi * Math.Log(qi)).Sum();
var ceCurve = qs.Select(q => CrossEntropyOf(pTrue, new[] { q, 1 - q })).ToArray();
double hP = CrossEntropyOf(pTrue, pTrue);
Console.WriteLine($"H(P) = {hP:F4};  min over q of H(P, Q) = {ceCurve.Min():F4} at q = {qs[Array.IndexOf(ceCurve, ceCurve.Min())]:F2}");
display(Plots.Plot(qs, new[] { new Series("cross-entropy H(P, Q)", ceCurve), new Series("entropy H(P)", qs.Select(_ => hP).ToArray()) },
    xLabel: "q = Q(class 0)", yLabel: "nats", title: "H(P, Q) ≥ H(P), equal at Q = P = (0.7, 0.3)"));

// The cross-entropy curve lies above the entropy line everywhere and touches it only at q = 0.70, where H(P, Q) = H(P) ≈ 0.611 nats: predicting the true distribution is the best possible, and any other prediction costs extra surprisal.
//
// The notes conclude "所以使用最大似然从信息论的角度看并不完善，我们还要让香农熵中的惊异程度也变小，也就是让香农熵最小" — from the
// information-theory view maximum likelihood is incomplete, and we must also make the surprisal in the Shannon entropy smaller, that is,
// minimize the Shannon entropy. **Where the notes are loose:** there is nothing extra to do. The entropy H(P) belongs to the *labels*; the
// model cannot change it. What training minimizes is the cross-entropy between the labels and the predictions, and minimizing that
// *is* maximizing the likelihood — for one-hot labels H(P) = 0 and H(P, Q) = −log Q(true class), the very loss computed above. The best
// a model can do is reach Q = P, where the cross-entropy drops to H(P).
//
// ## The Fashion-MNIST data set
//
// d2l trains softmax regression on Fashion-MNIST: 28 × 28 grayscale images of clothing in 10 classes, 60000 for training and 10000
// for testing. The library's `FashionMnist.Load()` reads the original IDX files (from `data/fashion-mnist/`, from Debian's
// `dataset-fashion-mnist` package, or from the data set's mirror, verified by checksum) into float tensors scaled to [0, 1]:

var loadTimer = System.Diagnostics.Stopwatch.StartNew();
var fashion = FashionMnist.Load();
Console.WriteLine($"loaded in {loadTimer.Elapsed.TotalSeconds:F1} s from {fashion.Source}");
Console.WriteLine($"train images {string.Join("×", fashion.TrainImages.shape)}, labels {string.Join("×", fashion.TrainLabels.shape)}");
Console.WriteLine($"test images  {string.Join("×", fashion.TestImages.shape)}, labels {string.Join("×", fashion.TestLabels.shape)}");
Console.WriteLine($"pixel range [{fashion.TrainImages.min().item<float>()}, {fashion.TrainImages.max().item<float>()}], dtype {fashion.TrainImages.dtype}");
Console.WriteLine($"training images per class: {string.Join(", ", torch.bincount(fashion.TrainLabels).data<long>())}");

// 60000 training and 10000 test images of shape 1 × 28 × 28, pixels scaled to [0, 1], and exactly 6000 training images per class — a balanced data set, so always guessing one class would score 10%. (The first line says where the files were found and how long loading took on the machine that ran this copy.) The first 18 training images with their labels (d2l's `show_images`):

display(Plots.ImageGrid(fashion.TrainImages[0..18], FashionMnist.TextLabels(fashion.TrainLabels[0..18]), columns: 9));

// Minibatches of 256, shuffled every epoch for training and in order for testing (d2l's `load_data_fashion_mnist`). Reading a
// whole epoch is quick, because the data is already in memory.

var (trainIter, testIter) = FashionMnist.Loaders(fashion, batchSize: 256);
var readTimer = System.Diagnostics.Stopwatch.StartNew();
foreach (var (Xb, yb) in trainIter) { Xb.Dispose(); yb.Dispose(); }
Console.WriteLine($"{trainIter.Count} training batches, {testIter.Count} test batches; one pass over the training set took {readTimer.Elapsed.TotalSeconds:F2} s");

// ## Softmax regression from scratch
//
// d2l 3.6: flatten each image into a vector of 784, initialize **W** (784 × 10) from N(0, 0.01²) and **b** with zeros, and apply
// softmax to **XW** + **b**. The pieces `Softmax` and `CrossEntropy` are the ones written above.

int numInputs = 784, numOutputs = 10;
torch.manual_seed(0);
var W = (torch.randn(numInputs, numOutputs) * 0.01).requires_grad_();
var bias = torch.zeros(numOutputs).requires_grad_();

Tensor Net(Tensor X) => Softmax(X.reshape(-1, numInputs).mm(W) + bias);

var firstTwo = Net(fashion.TestImages[0..2]);
Console.WriteLine($"output shape {string.Join("×", firstTwo.shape)}; row sums {string.Join(", ", firstTwo.sum(1).data<float>().Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}");

// The model maps each image to 10 probabilities. Accuracy (精度) is the fraction of examples whose most probable class is the true
// one — from scratch, the number of correct predictions in a batch:

double Accuracy(Tensor yHat, Tensor y) => yHat.argmax(1).eq(y).sum().item<long>();

Console.WriteLine($"d2l's example: {Accuracy(yHatDemo, yDemo)} of 2 correct (library Metrics.Accuracy: {Metrics.Accuracy(yHatDemo, yDemo)})");

// In d2l's example one of the two predictions is right (the second row's largest entry 0.5 is at its true class 2; the first row's is not), and the library's `Metrics.Accuracy` counts the same.
//
// To measure a model on a whole data set, d2l 3.6 adds two numbers up over all minibatches — the correct predictions and the
// examples — and divides at the end (`evaluate_accuracy`). It keeps such running sums in a small helper class, `Accumulator`.
// Evaluation needs no gradients, so it runs under `torch.no_grad()`; each step's tensors are freed by its dispose scope, and the loaders free each batch when the loop moves on (as notebook 07's reader does).

// class Accumulator: declared at the end of this file (a program declares its types after its statements).

double EvaluateAccuracy(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> dataIter)
{
    var metric = new Accumulator(2);                                  // correct predictions, examples
    using (torch.no_grad())
        foreach (var (X, y) in dataIter)
        {
            using var scope = torch.NewDisposeScope();
            metric.Add(Accuracy(net(X), y), y.numel());
        }
    return metric[0] / metric[1];
}

Console.WriteLine($"untrained model on the test set: accuracy {EvaluateAccuracy(Net, testIter):F4} (library Metrics.EvaluateAccuracy: {Metrics.EvaluateAccuracy(Net, testIter):F4})");
using (torch.no_grad())
    Console.WriteLine($"test images per predicted class: {string.Join(", ", torch.bincount(Net(fashion.TestImages).argmax(1), minlength: 10).data<long>())}");

// The untrained model is right on only about 3% of the test images — worse than guessing (10%), because its small random weights happen to favour a few classes: it calls 4917 of the 10000 test images a sneaker and 3851 a shirt.
//
// The library keeps these two as `Metrics.Accuracy` and `Metrics.EvaluateAccuracy`: the same code, which also checks the shapes it
// is given and accepts an `nn.Module` as the net (putting it in evaluation mode while it measures). The from-scratch training below
// still calls the two functions written here; from the concise model on, the library's versions do the work (inside `Trainer.Train`). The library's `Accumulator` is this
// class as well; in this notebook the name `Accumulator` now means the one written above, which is the same.
//
// The training loop of d2l 3.6 (`train_epoch_ch3`), written out: for every minibatch, compute the per-example losses, back-propagate
// their sum, let the `updater` take a step for that batch size, and accumulate the loss sum, the number correct and the number of
// examples. The updater is d2l's: minibatch SGD on **W** and **b** — the `Sgd` of notebook 07, which the library keeps as
// `Optimizers.Sgd`. One dispose scope per step frees the step's tensors; the loader frees the batch. (d2l's `train_epoch_ch3` also accepts a
// `torch.optim` optimizer, and then averages the loss instead of summing it; the library's version below does both.)

(double Loss, double Accuracy) TrainEpochCh3(Func<Tensor, Tensor> net, IEnumerable<(Tensor X, Tensor y)> trainIter,
    Func<Tensor, Tensor, Tensor> loss, Action<int> updater)
{
    var metric = new Accumulator(3);                                  // loss sum, number correct, examples
    foreach (var (X, y) in trainIter)
    {
        using var scope = torch.NewDisposeScope();
        var yHat = net(X);
        var l = loss(yHat, y);                                        // per-example losses
        l.sum().backward();
        updater((int)X.shape[0]);                                     // d2l's updater(batch_size)
        using (torch.no_grad()) metric.Add(l.sum().item<float>(), Accuracy(yHat, y), y.numel());
    }
    return (metric[0] / metric[2], metric[1] / metric[2]);
}

double lr = 0.1;
void Updater(int batchSize) => Optimizers.Sgd(new[] { W, bias }, lr, batchSize);

// Now ten epochs with d2l's learning rate 0.1. The Animator (d2l's live plot) redraws its chart after every epoch while the cell runs;
// in an executed copy you see the final state.

int numEpochs = 10;
torch.manual_seed(0);                                                // re-running this cell starts again from the same initial weights
(trainIter, testIter) = FashionMnist.Loaders(fashion, batchSize: 256); // ... and the same batch order (fresh loaders, seeded)
using (torch.no_grad()) { W.copy_(torch.randn(numInputs, numOutputs) * 0.01); bias.zero_(); }
var animator = Animator.ForTraining(numEpochs);                     // d2l's live plot: train loss, train acc, test acc per epoch
var epochTimer = System.Diagnostics.Stopwatch.StartNew();
(double Loss, double Accuracy) lastTrain = (double.NaN, double.NaN);
double lastTest = double.NaN;
for (int epoch = 0; epoch < numEpochs; epoch++)
{
    lastTrain = TrainEpochCh3(Net, trainIter, CrossEntropy, Updater);
    lastTest = EvaluateAccuracy(Net, testIter);
    animator.Add(epoch + 1, lastTrain.Loss, lastTrain.Accuracy, lastTest);
    if (epoch == 0) Course.Record("from scratch, epoch 1: test acc", lastTest);
}
Course.Record("from scratch", ("train loss", lastTrain.Loss), ("train acc", lastTrain.Accuracy), ("test acc", lastTest));
Console.WriteLine($"{epochTimer.Elapsed.TotalSeconds / numEpochs:F2} s per epoch on the machine that ran this copy");

// After 10 epochs the model from scratch has a training loss of about 0.45, a training accuracy of about 0.85 and a test accuracy of about 0.83 — the level of d2l's run of the same model (test accuracy a little over 0.8). The recorded line above gives the last digits, which can differ from machine to machine: libtorch picks its arithmetic kernels by CPU, and rounding differences grow along a training run (on the machine that made this lesson, a native run and a run as an AVX2-only CPU printed the same four digits; another CPU may not). The training loss falls quickly in the first epochs and slowly after; the test accuracy climbs from about 0.77 after one epoch and then wobbles upward, because every epoch is a noisy SGD path.
//
// This loop is d2l's `train_ch3`. The library keeps it as `Trainer.Train`, with the function above inside as `Trainer.TrainEpoch`
// (which also accepts a `torch.optim` optimizer, and an `nn.Module` as the net); from here on we use them.
//
// ### Predictions (预测)
//
// The first test images, titled with the true class above the predicted one (d2l's `predict_ch3`):

var testX = fashion.TestImages[0..16];
Tensor predicted;
using (torch.no_grad()) predicted = Net(testX).argmax(1);
display(Plots.Predictions(testX, fashion.TestLabels[0..16], predicted, n: 16));

int wrongCount;
using (torch.no_grad()) wrongCount = (int)Net(fashion.TestImages).argmax(1).ne(fashion.TestLabels).sum().item<long>();
Console.WriteLine($"{wrongCount} of {fashion.TestLabels.shape[0]} test images misclassified");
Console.WriteLine($"{wrongCount} / {fashion.TestLabels.shape[0]} = {(double)wrongCount / fashion.TestLabels.shape[0]:F4} = 1 − test accuracy");

// 15 of these 16 are right; the one miss (marked ✗) is a sneaker taken for a sandal — two kinds of shoe that a linear model separates only roughly. On the whole test set about 1700 of 10000 images are wrong (the exact count is printed): the printed fraction is one minus the test accuracy recorded above, the same result seen from the other side.
//
// ## Softmax regression, concisely (简洁实现)
//
// d2l 3.7 builds the same model from library pieces: a `Flatten` layer and `nn.Linear(784, 10)` in a `Sequential`, initialized like
// above; `nn.CrossEntropyLoss`, which takes the raw scores (logits) and applies the log-sum-exp form of log-softmax inside — the
// overflow fix from above, built in; and `torch.optim.SGD`. The training loop is the library's `Trainer.Train` (d2l's `train_ch3`),
// the loop written above.

torch.manual_seed(0);
(trainIter, testIter) = FashionMnist.Loaders(fashion, batchSize: 256); // the same batch order as from scratch, on every re-run
var net = nn.Sequential(("flatten", nn.Flatten()), ("linear", nn.Linear(numInputs, numOutputs)));
foreach (var (name, p) in net.named_parameters())
    using (torch.no_grad()) { if (name.EndsWith("weight")) p.normal_(0, 0.01); else p.zero_(); }
var loss = nn.CrossEntropyLoss();                       // mean over the batch, from logits
var optimizer = torch.optim.SGD(net.parameters(), 0.1);
var animatorConcise = Animator.ForTraining(numEpochs);   // the same three curves, axes as above
var history = Trainer.Train(net, trainIter, testIter, loss.forward, numEpochs, optimizer, animatorConcise);
Course.Record("concise", ("train loss", history.TrainLoss[^1]), ("train acc", history.TrainAccuracy[^1]), ("test acc", history.TestAccuracy[^1]));
Console.WriteLine($"{history.SecondsPerEpoch.Average():F2} s per epoch on the machine that ran this copy");

// The concise model ends where the model from scratch did — compare the two recorded lines: they agree to within a few thousandths in every number — as it should: it is the same model with the same learning rate and the same batch order, only built from library parts (the last digits differ because the initial weights do: `nn.Linear` first draws its own default initialization and stores its weight as 10 × 784, so the same seed gives other numbers). `nn.CrossEntropyLoss` returns the batch *mean*, so `Trainer` calls `backward()` on it directly instead of summing, and `optim.SGD` needs no division by the batch size — d2l's `train_epoch_ch3` makes the same distinction.

// ## Softmax regression as a neural network
//
// Like linear regression, softmax regression is a **single-layer** network (d2l 3.4.1), but with one output per class. d2l's figure
// has 4 inputs and 3 classes (the notes' chicken, dog and duck):

display(NetworkDiagram.Draw(
    new NetworkDiagram.Layer("input layer", "x₁", "x₂", "x₃", "x₄"),
    new NetworkDiagram.Layer("output layer", "o₁", "o₂", "o₃")));

// Every output depends on every input — the layer is **fully connected** (全连接层) — so there are 4 × 3 = 12 weights, one per
// arrow, plus 3 biases: $\mathbf{o} = \mathbf{W}\mathbf{x} + \mathbf{b}$, and softmax then turns **o** into probabilities (softmax
// has no parameters, so it adds no units to the picture). Our Fashion-MNIST model is the same picture with 784 inputs and 10 outputs:
// 784 × 10 weights and 10 biases, the 7850 parameters counted above.

// ## Summary
//
// - Classification predicts a class; labels are written one-hot, and the model has one output per class: **o** = **xW** + **b**,
//   with (inputs + 1) × outputs parameters — 7850 for Fashion-MNIST, biases included.
// - Softmax exp(o<sub>j</sub>)/Σ exp(o<sub>k</sub>) turns scores into probabilities; it is not o<sub>j</sub>/Σ o<sub>k</sub> (0.51, not 0.73, for the notes' chicken).
//   Subtracting the largest score keeps it finite, and the log-sum-exp form of log-softmax never forms the probabilities at all.
// - Maximizing the likelihood of the labels means minimizing the cross-entropy loss −log ŷ<sub>true class</sub>; its gradient is softmax(**o**) − **y**.
// - Entropy is the expected surprisal Σ −P log P (0 for a certain outcome, log k for a uniform one), not the sum of the probabilities;
//   cross-entropy H(P, Q) ≥ H(P), and minimizing it is maximum likelihood.
// - On Fashion-MNIST, softmax regression reaches a test accuracy above 0.8 (about 0.83 here) in 10 epochs, from scratch and concisely alike.
//
// ## Exercises
//
// **Exercise 1 — parameter count.** Softmax regression on 32 × 32 colour images (3 channels) with 100 classes: how many parameters?

long? answer1 = null; // replace null with your answer
display(Exercises.Notebook08.Exercise1(answer1));

// **Exercise 2 — entropy.** What is the entropy, in nats, of the distribution P = (0.5, 0.25, 0.25)?

double? answer2 = null; // replace null with your answer
display(Exercises.Notebook08.Exercise2(answer2));

// **Exercise 3 — cross-entropy straight from the logits.** `nn.CrossEntropyLoss` never forms the softmax. With a one-hot label **y**,
// the loss of one example is
//
// $$-\sum_j y_j \log \hat y_j = \log \sum_k \exp(o_k) - \sum_j y_j o_j,$$
//
// and the log-sum-exp is computed with the shift by the row's largest logit. Write that function from scratch (without `softmax`,
// `log_softmax`, `logsumexp` or `CrossEntropyLoss`): given float32 logits **o** of shape (n, q) and one-hot labels **y** of the same
// shape, return the n per-example losses. Try it on `hugeLogits` below, where the naive formula gives NaN; the checker runs it on cases
// of its own, where exp overflows and where a probability underflows to 0.

var hugeLogits = torch.tensor(new float[,] { { 1000f, 1001f, 1002f }, { -1000f, 0f, 1000f } });
var hugeLabels = nn.functional.one_hot(torch.tensor(new long[] { 0, 1 }), 3).to_type(ScalarType.Float32);
var naiveLosses = -(Softmax(hugeLogits).log() * hugeLabels).sum(1);
Console.WriteLine($"naive: [{string.Join(", ", naiveLosses.data<float>())}]");

Func<Tensor, Tensor, Tensor> answer3 = null; // replace null with your function, e.g. (o, y) => ...
display(Exercises.Notebook08.Exercise3(answer3));

// **Exercise 4 — why cross-entropy, not accuracy?** We report accuracy but train on cross-entropy. Which statements are true?
// Answer with the letters of all true ones.
//
// (a) Accuracy changes only when some prediction flips to another class, so its gradient is zero almost everywhere and gives SGD
// no direction.
// (b) Cross-entropy is differentiable and still rewards raising the true class's probability when the prediction is already right.
// (c) Accuracy cannot be computed on a minibatch.
// (d) Cross-entropy is the negative log-likelihood of the labels, so minimizing it is maximum likelihood estimation.

string answer4 = null; // replace null with your letters, e.g. "ac"
display(Exercises.Notebook08.Exercise4(answer4));

// The types the lesson declares, from the cells above (a program declares its types after its statements).

class Accumulator
{
    readonly double[] data;
    public Accumulator(int n) => data = new double[n];                 // n running sums, all 0
    public void Add(params double[] values) { for (int i = 0; i < data.Length; i++) data[i] += values[i]; }
    public double this[int i] => data[i];
}
