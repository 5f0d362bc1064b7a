// Novelty heatmap of every image in a folder, with a model trained beforehand.
// Headless: java -jar target/vae-texture.jar macro macros/batch-novelty.ijm "IN_FOLDER,MODEL.zip,OUT_FOLDER"
args = split(getArgument(), ",");
input = args[0];
model = args[1];
output = args[2];
if (!endsWith(input, File.separator)) input = input + File.separator;
if (!endsWith(output, File.separator)) output = output + File.separator;
File.makeDirectory(output);
setBatchMode(true);
files = getFileList(input);
count = 0;
for (i = 0; i < files.length; i++) {
	if (!endsWith(toLowerCase(files[i]), ".tif")) continue;
	open(input + files[i]);
	if (bitDepth() == 24) { close(); continue; } // the model is for grey images
	run("Novelty Heatmap", "model=[" + model + "]");
	selectImage("novelty");
	saveAs("Tiff", output + replace(files[i], ".tif", "-novelty.tif"));
	close("*");
	count++;
}
print(count + " heatmaps written to " + output);
