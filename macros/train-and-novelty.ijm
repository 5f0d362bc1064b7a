// Trains a VAE on the open image and makes its novelty heatmap.
// Headless: java -jar target/vae-texture.jar macro macros/train-and-novelty.ijm "IMAGE.tif,MODEL.zip,HEATMAP.tif[,EPOCHS]"
args = split(getArgument(), ",");
epochs = 10;
if (args.length > 3) epochs = parseInt(args[3]);
setBatchMode(true);
open(args[0]);
source = getTitle();
run("Train VAE", "model=[" + args[1] + "] tile_size=32 latent_dim=16 beta=0.1 epochs=" + epochs + " seed=1");
selectImage(source);
run("Novelty Heatmap", "model=[" + args[1] + "]");
selectImage("novelty");
saveAs("Tiff", args[2]);
print("novelty heatmap of " + source + " saved to " + args[2]);
