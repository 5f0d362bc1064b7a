// Texture analysis of the open image with a trained model: texture classes, latent map overview,
// latent traversal, tiles beside their reconstructions and generated tiles, saved into a folder; then the classes of this image label a
// second image.
// Headless: java -jar target/vae-texture.jar macro macros/texture-analysis.ijm "IMAGE.tif,MODEL.zip,OUT_DIR,CLASSES[,SECOND.tif]"
args = split(getArgument(), ",");
out = args[2];
File.makeDirectory(out);
setBatchMode(true);
open(args[0]);
source = getTitle();
run("Segment Textures", "model=[" + args[1] + "] classes=" + args[3] + " write_centres=[" + out + "/centres.json]");
selectImage("labels");
saveAs("Tiff", out + "/classes.tif");
getStatistics(area, mean, min, max);
print("texture classes of " + source + ": " + min + " to " + max);
selectImage(source);
run("Latent Map Overview", "model=[" + args[1] + "]");
selectImage("overview");
saveAs("Tiff", out + "/overview.tif");
run("Latent Traversal", "model=[" + args[1] + "] steps=7");
selectImage("traversal");
saveAs("Tiff", out + "/traversal.tif");
selectImage(source);
run("Reconstruct Tiles", "model=[" + args[1] + "] count=8 seed=1");
selectImage("tile_pairs");
saveAs("Tiff", out + "/tile-pairs.tif");
run("Generate Tiles", "model=[" + args[1] + "] count=16 seed=1");
selectImage("generated");
saveAs("Tiff", out + "/generated.tif");
if (args.length > 4) {
	open(args[4]);
	second = getTitle();
	run("Segment Textures", "model=[" + args[1] + "] reuse_centres=[" + out + "/centres.json]");
	selectImage("labels");
	saveAs("Tiff", out + "/classes-of-second.tif");
	print("labelled " + second + " with the same classes");
}
