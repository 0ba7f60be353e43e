import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BinPage } from "@/components/view/BinPage";
import { isValidBinId } from "@/lib/ids/bin-id";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string; deliveryId: string }>;
  searchParams: Promise<{ tab?: string | string[] }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: isValidBinId(id) ? `Bin ${id}` : "Bin not found" };
}

export default async function ViewDeliveryPage({ params, searchParams }: Props) {
  const [{ id, deliveryId }, { tab }] = await Promise.all([params, searchParams]);
  if (!isValidBinId(id) || !isDeliveryId(deliveryId)) notFound();
  // ?tab=analysis (or pretty/raw/hex) opens that view of the body.
  return (
    <BinPage
      binId={id}
      selectedId={deliveryId.toLowerCase()}
      tab={typeof tab === "string" ? tab : null}
    />
  );
}
