// Thresholds the novelty heatmap of an image with the model's calibrated mask and measures the
// anomalous area (in calibrated units).
// Headless: java -jar target/vae-texture.jar macro macros/novelty-area.ijm "IMAGE.tif,MODEL.zip,MASK.tif"
args = split(getArgument(), ",");
setBatchMode(true);
open(args[0]);
run("Novelty Heatmap", "model=[" + args[1] + "]");
selectImage("novelty_mask");
getStatistics(area, mean);
getPixelSize(unit, pw, ph);
saveAs("Tiff", args[2]);
print("anomalous area: " + d2s(area * mean, 2) + " " + unit + "^2 (" + d2s(100 * mean, 2) + "% of the image)");
