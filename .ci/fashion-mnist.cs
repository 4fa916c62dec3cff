// Gets Fashion-MNIST once, before anything else needs it: from the system's package where there is one (Debian, Ubuntu),
// otherwise downloaded from the data set's official mirror and checked against its known checksums (see
// src/D2lSharp/Data/FashionMnist.cs for where it looks and where it keeps the files). Lessons that load it later, notebooks
// and programs alike, then print the same lines whichever runs first, and never download it twice at the same time.
//     dotnet run .ci/fashion-mnist.cs
#:property PublishAot=false
#:property ManagePackageVersionsCentrally=false
#:property CopyLocalLockFileAssemblies=false
#:property GenerateRuntimeConfigDevFile=true
#:project ../src/D2lSharp/D2lSharp.csproj

D2lSharp.Course.Setup();
using var data = D2lSharp.Data.FashionMnist.Load();
Console.WriteLine(data);
