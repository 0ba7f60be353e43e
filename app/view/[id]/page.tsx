import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BinPage } from "@/components/view/BinPage";
import { isValidBinId } from "@/lib/ids/bin-id";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: isValidBinId(id) ? `Bin ${id}` : "Bin not found" };
}

export default async function ViewBinPage({ params }: Props) {
  const { id } = await params;
  if (!isValidBinId(id)) notFound();
  return <BinPage binId={id} selectedId={null} />;
}
