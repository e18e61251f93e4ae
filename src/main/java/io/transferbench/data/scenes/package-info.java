/**
 * "Cut, paste and learn" scenes: RGBA cut-outs pasted onto crops of real photographs, with the
 * exact class mask and visible instance boxes that pasting gives for free. Pure Java and
 * byte-identical for a seed on any machine, so that segmentation and detection suites can
 * regenerate their data instead of storing it.
 */
package io.transferbench.data.scenes;
