// A helper thread that ends at once, as one that ran out of memory would (clusterThreads tests).
process.exit(3);
